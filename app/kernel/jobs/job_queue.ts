import { PgBoss, fromKnex, type Db, type Queue, type SendOptions } from 'pg-boss'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { z } from 'zod'
import { deadLetterQueueOf, type JobDefinition } from '#kernel/jobs/job_definition'
import { JobPayloadError } from '#kernel/jobs/job_payload_error'

export interface DispatchOptions {
  /** Enqueue inside this Lucid transaction: the job exists only if it commits (transactional outbox). */
  trx?: TransactionClientContract
  /** Run no earlier than this. */
  startAfter?: Date
}

export interface JobSummary {
  id: string
  queue: string
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'
  attempt: number
  output: object | null
  createdOn: Date
  completedOn: Date | null
}

export interface JobQueueOptions {
  connectionString: string
  /** Size of pg-boss's own connection pool. */
  maxConnections: number
  /**
   * Run every pg-boss query through this database instead of a pool of its
   * own (embedded mode: Lucid's one connection, via `fromKnex`). pg-boss then
   * polls; it cannot LISTEN.
   */
  db?: Db
  /** Receives pg-boss's background errors (they carry no payloads). */
  onError: (error: Error) => void
}

/** Only a worker maintains queues and runs cron; any other process just sends. */
export type JobQueueRole = 'sender' | 'worker'

/**
 * The pg-boss instance behind the job layer. Starts lazily, on the first
 * dispatch or when the worker starts, and makes sure every registered queue
 * (and its dead-letter queue) exists with the definition's options.
 */
export class JobQueue {
  #options: JobQueueOptions
  #boss?: PgBoss
  #started?: Promise<PgBoss>
  #ensuredQueues = new Set<string>()

  constructor(options: JobQueueOptions) {
    this.#options = options
  }

  /** The running pg-boss instance (for the worker and the console's job views). */
  get boss(): PgBoss {
    if (!this.#boss) throw new Error('The job queue has not been started')
    return this.#boss
  }

  /** Starts pg-boss once; later calls return the same instance whatever the role. */
  start(role: JobQueueRole = 'sender'): Promise<PgBoss> {
    this.#started ??= this.#createBoss(role)
    return this.#started
  }

  async #createBoss(role: JobQueueRole) {
    const connection = this.#options.db
      ? { db: this.#options.db }
      : {
          connectionString: this.#options.connectionString,
          max: this.#options.maxConnections,
          application_name: `clinibox-${role}`,
        }
    const boss = new PgBoss({ ...connection, supervise: role === 'worker', schedule: role === 'worker' })
    // pg-boss reports background errors as events; without a listener Node throws.
    boss.on('error', (error) => this.#options.onError(error))
    await boss.start()
    this.#boss = boss
    return boss
  }

  /** Stops fetching; with `graceful`, waits up to `timeoutMs` for running jobs. */
  async stop(options: { graceful: boolean; timeoutMs: number }) {
    if (!this.#started) return
    const boss = await this.#started.catch(() => undefined)
    this.#started = undefined
    this.#boss = undefined
    this.#ensuredQueues.clear()
    await boss?.stop({ graceful: options.graceful, timeout: options.timeoutMs, close: true })
  }

  /** Creates or updates the queue and dead-letter queue of each definition. Idempotent. */
  async ensureQueues(definitions: JobDefinition[]) {
    const boss = await this.start()
    for (const definition of definitions) {
      if (this.#ensuredQueues.has(definition.queue)) continue
      const deadLetter = deadLetterQueueOf(definition.queue)
      await boss.createQueue(deadLetter, { retryLimit: 0, deleteAfterSeconds: 30 * 24 * 3600 })
      const options: Omit<Queue, 'name'> = {
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: definition.retryBackoff,
        expireInSeconds: definition.expireInSeconds,
        deadLetter,
      }
      await boss.createQueue(definition.queue, options)
      await boss.updateQueue(definition.queue, options)
      this.#ensuredQueues.add(definition.queue)
    }
  }

  /** Validates the payload against the job's schema and enqueues it. Returns the job id. */
  async dispatch<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: DispatchOptions = {}
  ): Promise<string> {
    const parsed = definition.payload.safeParse(payload)
    if (!parsed.success) throw new JobPayloadError(definition.queue, parsed.error)

    await this.ensureQueues([definition as JobDefinition])
    const boss = await this.start()
    const sendOptions: SendOptions = {}
    if (options.trx) sendOptions.db = fromKnex(options.trx.knexClient)
    if (options.startAfter) sendOptions.startAfter = options.startAfter
    const id = await boss.send(definition.queue, parsed.data as object, sendOptions)
    if (!id) throw new Error(`pg-boss did not enqueue a "${definition.queue}" job`)
    return id
  }

  /** One job of a queue by id, or null. Payloads are left out: callers see state and output only. */
  async findJob(definition: JobDefinition<any>, id: string): Promise<JobSummary | null> {
    const boss = await this.start()
    await this.ensureQueues([definition])
    const [job] = await boss.findJobs(definition.queue, { id })
    if (!job) return null
    return {
      id: job.id,
      queue: definition.queue,
      state: job.state,
      attempt: job.retryCount + 1,
      output: job.output ?? null,
      createdOn: job.createdOn,
      completedOn: job.completedOn,
    }
  }
}
