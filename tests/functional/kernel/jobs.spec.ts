import { test } from '@japa/runner'
import { z } from 'zod'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import {
  databaseUrl,
  JobQueue,
  Worker,
  deadLetterQueueOf,
  defineJob,
  JobPayloadError,
  jobRegistry,
  systemHeartbeatJob,
  systemPingJob,
} from '#kernel/index'
import { appJobQueue, countJobs, deleteAllJobs, startTestWorker, waitForJobState } from '#tests/helpers/jobs'

const handledCounts = new Map<string, number>()

const alwaysFailingJob = defineJob({
  queue: 'test.always_fails',
  payload: z.strictObject({ reference: z.string() }),
  retryLimit: 1,
  retryDelaySeconds: 0,
  retryBackoff: false,
  pollingIntervalSeconds: 0.5,
  async handle(payload) {
    handledCounts.set(payload.reference, (handledCounts.get(payload.reference) ?? 0) + 1)
    throw new Error('downstream service unavailable')
  },
})

test.group('Job layer: dispatch', (group) => {
  group.each.setup(() => deleteAllJobs())

  test('rejects a payload that does not match the job schema and enqueues nothing', async ({ assert }) => {
    const queue = await appJobQueue()
    await assert.rejects(() => queue.dispatch(systemPingJob, { message: 42 } as any), JobPayloadError)
    await assert.rejects(() => queue.dispatch(systemPingJob, { unknown: true } as any), JobPayloadError)
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })

  test('enqueues inside a Lucid transaction only when it commits (transactional outbox)', async ({ assert }) => {
    const queue = await appJobQueue()

    const trx = await db.transaction()
    await queue.dispatch(systemPingJob, { message: 'rolled back' }, { trx })
    await trx.rollback()
    assert.equal(await countJobs(systemPingJob.queue), 0)

    let committedId = ''
    await db.transaction(async (committed) => {
      committedId = await queue.dispatch(systemPingJob, { message: 'committed' }, { trx: committed })
    })
    assert.equal(await countJobs(systemPingJob.queue), 1)
    assert.isNotNull(await queue.findJob(systemPingJob, committedId))
  })
})

test.group('Job layer: worker', (group) => {
  group.each.setup(() => deleteAllJobs())

  test('runs a dispatched job and keeps its output', async ({ assert, cleanup }) => {
    const worker = await startTestWorker([systemPingJob])
    cleanup(() => worker.stop())

    const queue = await appJobQueue()
    const id = await queue.dispatch(systemPingJob, { message: 'hello' })
    const job = await waitForJobState(systemPingJob, id, ['completed'])

    assert.equal(job.attempt, 1)
    assert.containsSubset(job.output, { pong: true, message: 'hello' })
  })

  test('runs a job marked runAtWorkerStart once when a worker starts', async ({ assert, cleanup }) => {
    let runs = 0
    const atStart = defineJob({
      queue: 'test.at_worker_start',
      payload: z.strictObject({}),
      runAtWorkerStart: true,
      pollingIntervalSeconds: 0.5,
      async handle() {
        runs++
      },
    })
    const worker = await startTestWorker([atStart])
    cleanup(() => worker.stop())
    const deadline = Date.now() + 10_000
    while (runs === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(runs, 1)
    assert.equal(await countJobs('test.at_worker_start'), 1)
  })

  test('retries a failing job, then moves it to its dead-letter queue', async ({ assert, cleanup }) => {
    const worker = await startTestWorker([alwaysFailingJob])
    cleanup(() => worker.stop())

    const queue = await appJobQueue()
    const id = await queue.dispatch(alwaysFailingJob, { reference: 'retry-case' })
    const job = await waitForJobState(alwaysFailingJob, id, ['failed'])

    assert.equal(handledCounts.get('retry-case'), 2, 'first run plus one retry')
    assert.containsSubset(job.output, { error: 'Error', message: 'downstream service unavailable' })
    assert.equal(await countJobs(deadLetterQueueOf(alwaysFailingJob.queue)), 1)
  })

  test('dead-letters a queued job whose payload is invalid without running or retrying it', async ({ assert, cleanup }) => {
    const worker = await startTestWorker([alwaysFailingJob])
    cleanup(() => worker.stop())

    // Bypass dispatch validation, as a job written by an older release could.
    const boss = await (await appJobQueue()).start()
    const id = await boss.send(alwaysFailingJob.queue, { reference: 7 })
    const job = await waitForJobState(alwaysFailingJob, id!, ['failed'])

    assert.equal(job.attempt, 1)
    assert.containsSubset(job.output, { error: 'JobPayloadError' })
    assert.isFalse(handledCounts.has('7'))
    assert.equal(await countJobs(deadLetterQueueOf(alwaysFailingJob.queue)), 1)
  })

  test('records a heartbeat while running and its stop when stopped', async ({ assert }) => {
    const worker = await startTestWorker([systemPingJob])
    const running = await db.from('kernel_worker_heartbeats').where('id', worker.id!).firstOrFail()
    assert.isNull(running.stopped_at)
    assert.deepEqual(running.queues, [systemPingJob.queue])

    await worker.stop()
    const stopped = await db.from('kernel_worker_heartbeats').where('id', worker.id!).firstOrFail()
    assert.isNotNull(stopped.stopped_at)
  })

  test('a stop that arrives while the worker is starting waits for the start, then stops cleanly', async ({ assert }) => {
    const queue = new JobQueue({ connectionString: databaseUrl(), maxConnections: 2, onError: () => {} })
    const worker = new Worker(queue, [systemPingJob], await app.container.make('logger'), {
      shutdownTimeoutMs: 5_000,
      heartbeatIntervalMs: 1_000,
    })
    const starting = worker.start()
    await worker.stop()
    await starting

    const row = await db.from('kernel_worker_heartbeats').where('id', worker.id!).firstOrFail()
    assert.isNotNull(row.stopped_at)
  })

  test('schedules every job that declares a cron expression', async ({ assert, cleanup }) => {
    const worker = await startTestWorker()
    cleanup(() => worker.stop())

    const boss = await (await appJobQueue()).start()
    const schedules = await boss.getSchedules()
    const scheduled = jobRegistry.all().filter((definition) => definition.cron)
    assert.isAbove(scheduled.length, 0)
    for (const definition of scheduled) {
      assert.isTrue(schedules.some((schedule) => schedule.name === definition.queue && schedule.cron === definition.cron))
    }
  })
})

test.group('system.heartbeat job', (group) => {
  group.each.setup(async () => {
    await db.from('kernel_heartbeats').delete()
  })

  test('records the cron heartbeat, and running it twice leaves one row', async ({ assert }) => {
    const context = { jobId: 'test', queue: systemHeartbeatJob.queue, attempt: 1 }
    await systemHeartbeatJob.handle({}, context)
    await systemHeartbeatJob.handle({}, context)
    const rows = await db.from('kernel_heartbeats').where('name', 'cron')
    assert.lengthOf(rows, 1)
  })

  test('deletes worker rows silent for more than a week and keeps recent ones', async ({ assert }) => {
    const row = (id: string, beatAt: string) => ({
      id,
      hostname: 'host',
      pid: 1,
      queues: JSON.stringify([]),
      started_at: beatAt,
      beat_at: beatAt,
    })
    await db.table('kernel_worker_heartbeats').multiInsert([
      row('00000000-0000-4000-8000-000000000001', new Date(Date.now() - 8 * 86_400_000).toISOString()),
      row('00000000-0000-4000-8000-000000000002', new Date().toISOString()),
    ])

    await systemHeartbeatJob.handle({}, { jobId: 'test', queue: systemHeartbeatJob.queue, attempt: 1 })

    const ids = (await db.from('kernel_worker_heartbeats').select('id')).map((r) => r.id)
    assert.notInclude(ids, '00000000-0000-4000-8000-000000000001')
    assert.include(ids, '00000000-0000-4000-8000-000000000002')
  })
})
