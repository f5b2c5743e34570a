import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Exit codes besides those of EMBEDDED_EXIT (20 not writable, 21 corrupt, 22 in use). */
export const DB_EXPORT_EXIT = { usage: 1, notEmbedded: 2, noDatabase: 3 } as const

/**
 * Writes the embedded database to a plain SQL file made by pg_dump (PGlite's
 * WASM build of it), ready for `psql -f` on a PostgreSQL server with
 * pgvector. Opens the database directly, so the appliance must be stopped.
 */
export default class DbExport extends BaseCommand {
  static commandName = 'db:export'
  static description = 'Export the embedded database to a pg_dump SQL file (stop the appliance first)'
  static help = [
    'Import it on a PostgreSQL server with pgvector: createdb clinibox && psql -d clinibox -f clinibox.sql',
    'then set DATABASE_URL in .env and start Clinibox again.',
  ]
  static options: CommandOptions = { startApp: false }

  @flags.string({ description: 'File to write, e.g. clinibox.sql', required: true })
  declare out: string

  async run() {
    const { existsSync, readdirSync, renameSync, writeFileSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const { databaseMode, embeddedDataPath } = await import('#kernel/database/database_url')
    const { openEmbeddedDatabase, EmbeddedDatabaseError } = await import('#kernel/database/embedded_postgres')

    if (databaseMode() !== 'embedded') {
      this.logger.error('DATABASE_URL is set: this site runs on a PostgreSQL server, export it with pg_dump')
      this.exitCode = DB_EXPORT_EXIT.notEmbedded
      return
    }
    const dataDir = embeddedDataPath()
    if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
      this.logger.error(`No embedded database in ${dataDir}: nothing to export`)
      this.exitCode = DB_EXPORT_EXIT.noDatabase
      return
    }

    let database
    try {
      database = await openEmbeddedDatabase(dataDir, { serve: false })
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseError)) throw error
      this.logger.error(
        error.failure === 'dataDirectoryInUse'
          ? `${error.message} The export needs the appliance stopped.`
          : error.message
      )
      this.exitCode = error.exitCode
      return
    }

    try {
      const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump')
      /* --no-owner: the target server's own user owns what it imports. */
      const dump = await pgDump({ pg: database.pglite, args: ['--no-owner', '--no-privileges'] })
      const target = resolve(this.out)
      const partial = `${target}.partial`
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
      renameSync(partial, target)
      this.logger.success(`Exported ${dataDir} to ${target}`)
    } finally {
      await database.close()
    }
  }
}
