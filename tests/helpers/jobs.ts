import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import { databaseUrl, JobQueue, jobRegistry, Worker, type JobDefinition, type JobSummary } from '#kernel/index'

/**
 * Starts a worker with its own pg-boss instance, as a separate worker
 * process would have, consuming `definitions` (default: every registered
 * job). Stop it with `worker.stop()`.
 */
export async function startTestWorker(definitions: JobDefinition<any>[] = jobRegistry.all()) {
  const queue = new JobQueue({ connectionString: databaseUrl(), maxConnections: 2, onError: () => {} })
  const logger = await app.container.make('logger')
  const worker = new Worker(queue, definitions, logger, { shutdownTimeoutMs: 10_000, heartbeatIntervalMs: 1_000 })
  await worker.start()
  return worker
}

/** The app's own job queue (the one HTTP handlers dispatch through). */
export function appJobQueue(): Promise<JobQueue> {
  return app.container.make(JobQueue)
}

/** Deletes every job of every queue, so tests start from empty queues. */
export async function deleteAllJobs() {
  const queue = await appJobQueue()
  const boss = await queue.start()
  await boss.deleteAllJobs()
}

/** Polls until the job reaches one of `states` (or fails the test after `timeoutMs`). */
export async function waitForJobState(
  definition: JobDefinition<any>,
  id: string,
  states: JobSummary['state'][],
  timeoutMs = 15_000
): Promise<JobSummary> {
  const queue = await appJobQueue()
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const job = await queue.findJob(definition, id)
    if (job && states.includes(job.state)) return job
    await sleep(100)
  }
  const job = await queue.findJob(definition, id)
  throw new Error(`Job ${id} of ${definition.queue} is "${job?.state ?? 'missing'}", expected ${states.join(' or ')}`)
}

/** How many jobs a queue holds in any state. */
export async function countJobs(queueName: string): Promise<number> {
  const queue = await appJobQueue()
  const boss = await queue.start()
  const { rows } = await boss.getDb().executeSql('select count(*)::int as count from pgboss.job where name = $1', [queueName])
  return rows[0].count
}
