import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Exit codes the setup script acts on. */
export const DB_PREPARE_EXIT = { unreachable: 2, pgvectorMissing: 3 } as const

/**
 * Creates the configured database when missing and checks that pgvector is
 * available, before migrations run. Used by scripts/setup.sh.
 */
export default class DbPrepare extends BaseCommand {
  static commandName = 'db:prepare'
  static description = 'Create the database if missing and check the server offers pgvector'
  static options: CommandOptions = { startApp: false }

  async run() {
    const { databaseMode, databaseUrl } = await import('#kernel/database/database_url')
    if (databaseMode() === 'embedded') {
      this.logger.info('DATABASE_URL is not set: embedded mode, the appliance creates and migrates its own database')
      return
    }
    const { prepareDatabase, DatabaseUnreachableError, PgvectorMissingError } = await import('#kernel/database/prepare_database')
    try {
      const prepared = await prepareDatabase(databaseUrl())
      this.logger.success(
        `Database "${prepared.database}" ${prepared.created ? 'created' : 'exists'}; pgvector ${prepared.vectorVersion} available`
      )
    } catch (error) {
      this.logger.error((error as Error).message)
      if (error instanceof DatabaseUnreachableError) this.exitCode = DB_PREPARE_EXIT.unreachable
      else if (error instanceof PgvectorMissingError) this.exitCode = DB_PREPARE_EXIT.pgvectorMissing
      else this.exitCode = 1
    }
  }
}
