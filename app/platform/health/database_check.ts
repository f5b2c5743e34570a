import db from '@adonisjs/lucid/services/db'
import { BaseCheck, Result } from '@adonisjs/core/health'

/** The database answers a query, and how fast. */
export class DatabaseCheck extends BaseCheck {
  name = 'database'

  async run() {
    const startedAt = performance.now()
    try {
      await db.rawQuery('select 1')
      const latencyMs = Math.round((performance.now() - startedAt) * 10) / 10
      return Result.ok('PostgreSQL is reachable').mergeMetaData({ latencyMs })
    } catch {
      return Result.failed('PostgreSQL is not reachable')
    }
  }
}
