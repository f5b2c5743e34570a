import type { ApplicationService } from '@adonisjs/core/types'
import { JobQueue } from '#kernel/jobs/job_queue'
import { fromKnex } from 'pg-boss'
import { databaseMode, databaseUrl } from '#kernel/database/database_url'

/** pg-boss's own pool per process: small, the worker fetches in batches. */
const JOB_QUEUE_CONNECTIONS = 4

/**
 * Binds the process-wide JobQueue. It connects lazily, so processes that
 * never dispatch (migrations, most ace commands) never open a connection.
 * Registered after Lucid so it shuts down before the database closes.
 * In embedded mode it opens no connection of its own: it borrows Lucid's.
 */
export default class JobQueueProvider {
  #queue?: JobQueue

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(JobQueue, async (resolver) => {
      const logger = await resolver.make('logger')
      /* Embedded mode: pg-boss shares Lucid's one connection (the knex write client). */
      const db =
        databaseMode() === 'embedded'
          ? fromKnex((await resolver.make('lucid.db')).connection().getWriteClient())
          : undefined
      this.#queue = new JobQueue({
        db,
        connectionString: databaseUrl(),
        maxConnections: JOB_QUEUE_CONNECTIONS,
        onError: (error) => logger.error({ err: { name: error.name, message: error.message } }, 'job queue error'),
      })
      return this.#queue
    })
  }

  async shutdown() {
    await this.#queue?.stop({ graceful: false, timeoutMs: 5_000 })
  }
}
