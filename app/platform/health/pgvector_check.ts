import db from '@adonisjs/lucid/services/db'
import { BaseCheck, Result } from '@adonisjs/core/health'

/** The vector extension is installed in this database. */
export class PgvectorCheck extends BaseCheck {
  name = 'pgvector'

  async run() {
    try {
      const result = await db.rawQuery(`select extversion from pg_extension where extname = 'vector'`)
      const version: string | undefined = result.rows[0]?.extversion
      if (!version) return Result.failed('The pgvector extension is not installed in this database')
      return Result.ok(`pgvector ${version}`).mergeMetaData({ version })
    } catch {
      return Result.failed('Could not read the installed extensions')
    }
  }
}
