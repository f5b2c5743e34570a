import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The worker process: consumes every registered queue until SIGTERM or
 * SIGINT, then stops fetching, finishes running jobs and exits.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description = 'Run the job worker: consume every registered pg-boss queue until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Seconds to wait for running jobs on shutdown', default: 30 })
  declare shutdownTimeout: number

  async run() {
    const { databaseMode } = await import('#kernel/database/database_url')
    if (databaseMode() === 'embedded') {
      this.logger.error('Embedded mode (DATABASE_URL unset) runs the job worker inside the appliance (npm start); set DATABASE_URL to run a separate worker.')
      this.exitCode = 1
      await this.terminate()
      return
    }
    const { JobQueue, Worker, jobRegistry } = await import('#kernel/index')
    const queue = await this.app.container.make(JobQueue)
    const logger = await this.app.container.make('logger')
    const worker = new Worker(queue, jobRegistry.all(), logger, {
      shutdownTimeoutMs: this.shutdownTimeout * 1000,
      heartbeatIntervalMs: 10_000,
    })
    this.app.terminating(() => worker.stop())
    await worker.start()
  }
}
