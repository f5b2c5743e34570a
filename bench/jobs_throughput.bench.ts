/*
| Job throughput: enqueues BENCH_JOBS (default 10,000) no-op `system.ping`
| jobs through JobQueue.dispatch, then starts the real Worker with every
| registered definition (as `node ace jobs:work` does) and times how long it
| takes until all of them are completed.
|
| Run by bin/bench.ts against a migrated throwaway database; needs
| DATABASE_URL and the other start/env.ts variables. Prints one JSON line.
*/
import { createIgnitor } from '../bin/ignitor.ts'
import { round, sleep } from './child_processes.ts'

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000)
/** Dispatches in flight at once (pg-boss's pool has 4 connections). */
const ENQUEUE_CONCURRENCY = 16
/** Gives up waiting for completion after this long (the result then says so). */
const PROCESS_TIMEOUT_MS = 60_000
/** Hard stop for the whole bench, whatever hangs. */
const HARD_TIMEOUT_MS = 90_000
const POLL_INTERVAL_MS = 100

const log = (message: string) => process.stderr.write(`[jobs_throughput] ${message}\n`)

const hardStop = setTimeout(() => {
  log(`still running after ${HARD_TIMEOUT_MS / 1000} s: giving up`)
  process.exit(1)
}, HARD_TIMEOUT_MS)
hardStop.unref()

const app = createIgnitor().createApp('console')

let result: Record<string, unknown> | undefined
try {
  await app.init()
  await app.boot()
  await app.start(async () => {})

  const { JobQueue, Worker, jobRegistry, systemPingJob } = await import('#kernel/index')
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const logger = await app.container.make('logger')
  const queue = await app.container.make(JobQueue)

  /*
  | The queue is started in the worker role up front, as in the `jobs:work`
  | process (the first start decides the role), and every queue is created
  | outside the timings.
  */
  await queue.start('worker')
  await queue.ensureQueues(jobRegistry.all())

  const countCompleted = async () => {
    const { rows } = await db.rawQuery(
      `select count(*) filter (where state = 'completed')::int as completed,
              count(*) filter (where state = 'failed')::int as failed
         from pgboss.job where name = ?`,
      [systemPingJob.queue]
    )
    return rows[0] as { completed: number; failed: number }
  }

  log(`enqueueing ${JOBS} jobs (concurrency ${ENQUEUE_CONCURRENCY})`)
  let next = 0
  const enqueueStartedAt = performance.now()
  await Promise.all(
    Array.from({ length: ENQUEUE_CONCURRENCY }, async () => {
      while (next < JOBS) {
        const index = next++
        await queue.dispatch(systemPingJob, { message: `bench ${index}` })
      }
    })
  )
  const enqueueSeconds = (performance.now() - enqueueStartedAt) / 1000
  log(`enqueued in ${round(enqueueSeconds, 2)} s`)

  const worker = new Worker(queue, jobRegistry.all(), logger, {
    shutdownTimeoutMs: 30_000,
    heartbeatIntervalMs: 10_000,
  })
  const processStartedAt = performance.now()
  await worker.start()
  let counts = await countCompleted()
  while (counts.completed + counts.failed < JOBS && performance.now() - processStartedAt < PROCESS_TIMEOUT_MS) {
    await sleep(POLL_INTERVAL_MS)
    counts = await countCompleted()
  }
  const processSeconds = (performance.now() - processStartedAt) / 1000
  log(`processed ${counts.completed} in ${round(processSeconds, 2)} s (${counts.failed} failed)`)
  await worker.stop()

  result = {
    name: 'jobs_throughput',
    jobs: JOBS,
    completed: counts.completed,
    failed: counts.failed,
    enqueue_concurrency: ENQUEUE_CONCURRENCY,
    enqueue_seconds: round(enqueueSeconds, 2),
    enqueue_jobs_per_s: Math.round(JOBS / enqueueSeconds),
    /* Rate over the jobs actually completed (all of them unless it timed out). */
    process_jobs_per_s: Math.round(counts.completed / processSeconds),
    batch_size: systemPingJob.batchSize,
    /* Seconds from starting the worker until every job was completed. */
    seconds: round(processSeconds, 2),
  }
} catch (error) {
  process.exitCode = 1
  log(`failed: ${(error as Error).stack ?? error}`)
} finally {
  await app.terminate().catch((error) => log(`terminate failed: ${(error as Error).message}`))
}

if (result) process.stdout.write(`${JSON.stringify(result)}\n`)
