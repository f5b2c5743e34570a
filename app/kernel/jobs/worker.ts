import os from 'node:os'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Job, JobResult } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'
import type { JobDefinition } from '#kernel/jobs/job_definition'
import type { JobQueue } from '#kernel/jobs/job_queue'
import { JobPayloadError } from '#kernel/jobs/job_payload_error'
import { WorkerHeartbeat } from '#kernel/models/worker_heartbeat'
import { clock } from '#kernel/clock'

export interface WorkerOptions {
  /** How long a graceful stop waits for running jobs before giving up. */
  shutdownTimeoutMs: number
  /** How often the worker records that it is alive. */
  heartbeatIntervalMs: number
}

/**
 * Consumes every registered queue. Each fetch takes up to `batchSize` jobs
 * and keeps fetching without delay while batches come back full. Jobs in a
 * batch run one after another and are settled one by one: a job whose
 * payload does not match its schema goes straight to the dead-letter queue,
 * a job that throws is retried with backoff, then dead-lettered.
 */
export class Worker {
  #queue: JobQueue
  #definitions: JobDefinition[]
  #logger: Logger
  #options: WorkerOptions
  #heartbeat?: WorkerHeartbeat
  #heartbeatTimer?: NodeJS.Timeout
  #starting?: Promise<void>
  #stopping?: Promise<void>

  constructor(queue: JobQueue, definitions: JobDefinition[], logger: Logger, options: WorkerOptions) {
    this.#queue = queue
    this.#definitions = definitions
    this.#logger = logger
    this.#options = options
  }

  get id(): string | undefined {
    return this.#heartbeat?.id
  }

  /** Starts consuming; the heartbeat row appears once every queue is consumed. Safe to call twice. */
  start(): Promise<void> {
    this.#starting ??= this.#start()
    return this.#starting
  }

  async #start() {
    const boss = await this.#queue.start('worker')
    await this.#queue.ensureQueues(this.#definitions)

    for (const definition of this.#definitions) {
      await boss.work(
        definition.queue,
        {
          batchSize: definition.batchSize,
          pollingIntervalSeconds: definition.pollingIntervalSeconds,
          burstWhenBatchFull: definition.batchSize > 1,
          perJobResults: true,
        },
        (jobs) => this.#runBatch(definition, jobs)
      )
      if (definition.cron) {
        await boss.schedule(definition.queue, definition.cron, {}, { tz: 'UTC' })
      }
    }
    for (const definition of this.#definitions.filter((each) => each.runAtWorkerStart)) {
      await this.#queue.dispatch(definition, {})
    }

    this.#heartbeat = await WorkerHeartbeat.create({
      hostname: os.hostname(),
      pid: process.pid,
      queues: this.#definitions.map((definition) => definition.queue),
      startedAt: clock.now(),
      beatAt: clock.now(),
    })
    this.#heartbeatTimer = setInterval(() => void this.#beat(), this.#options.heartbeatIntervalMs)
    this.#heartbeatTimer.unref()
    this.#logger.info({ worker_id: this.id, queues: this.#definitions.length }, 'worker started')
  }

  /** Stops fetching, lets running jobs finish (up to the timeout), then records the stop. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop()
    return this.#stopping
  }

  async #stop() {
    // A stop that arrives while starting (a signal right after launch) lets the start finish first.
    await this.#starting?.catch(() => {})
    this.#logger.info({ worker_id: this.id }, 'worker stopping: finishing running jobs')
    clearInterval(this.#heartbeatTimer)
    await this.#queue.stop({ graceful: true, timeoutMs: this.#options.shutdownTimeoutMs })
    if (this.#heartbeat) {
      this.#heartbeat.stoppedAt = clock.now()
      await this.#heartbeat.save()
    }
    this.#logger.info({ worker_id: this.id }, 'worker stopped')
  }

  async #beat() {
    if (!this.#heartbeat) return
    try {
      this.#heartbeat.beatAt = clock.now()
      await this.#heartbeat.save()
    } catch (error) {
      this.#logger.warn({ worker_id: this.id, err: (error as Error).message }, 'worker heartbeat failed')
    }
  }

  async #runBatch(definition: JobDefinition, jobs: Job<unknown>[]): Promise<JobResult[]> {
    const results: JobResult[] = []
    for (const job of jobs) {
      results.push(await this.#runOne(definition, job))
      /* Let waiting requests run between jobs (in embedded mode they share this process and its one connection). */
      await yieldToEventLoop()
    }
    return results
  }

  async #runOne(definition: JobDefinition, job: Job<unknown>): Promise<JobResult> {
    const context = { jobId: job.id, queue: definition.queue, attempt: job.retryCount + 1 }
    const parsed = definition.payload.safeParse(job.data)
    if (!parsed.success) {
      const error = new JobPayloadError(definition.queue, parsed.error)
      this.#logger.error({ queue: context.queue, job_id: job.id, issues: error.issues }, 'job payload invalid: dead-lettered')
      return { id: job.id, status: 'deadletter', output: { error: error.name, message: error.message } }
    }

    try {
      const output = await definition.handle(parsed.data, context)
      return { id: job.id, status: 'completed', output: output ?? undefined }
    } catch (error) {
      // Handlers must not put PHI into error messages: they are logged and stored on the job.
      const { name, message } = error instanceof Error ? error : new Error(String(error))
      this.#logger.error({ queue: context.queue, job_id: job.id, attempt: context.attempt, err: { name, message } }, 'job failed')
      return { id: job.id, status: 'failed', output: { error: name, message } }
    }
  }
}
