import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { systemPingJob } from '#kernel/index'
import { appJobQueue, deleteAllJobs, waitForJobState } from '#tests/helpers/jobs'
import { startAce } from '#tests/helpers/child_process'

async function waitForRunningWorker(pid: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const row = await db.from('kernel_worker_heartbeats').where('pid', pid).whereNull('stopped_at').first()
    if (row) return row
    await sleep(200)
  }
  throw new Error(`Worker process ${pid} never recorded a heartbeat`)
}

test.group('jobs:work process', (group) => {
  group.each.setup(() => deleteAllJobs())

  test('on SIGTERM stops fetching, finishes the running job, records its stop and exits 0', async ({ assert, cleanup }) => {
    const worker = startAce(['jobs:work'])
    cleanup(() => void worker.child.kill('SIGKILL'))
    await waitForRunningWorker(worker.child.pid!)

    const queue = await appJobQueue()
    const runningId = await queue.dispatch(systemPingJob, { holdMs: 3_000 })
    await waitForJobState(systemPingJob, runningId, ['active'])

    worker.child.kill('SIGTERM')
    const queuedAfterStop = await queue.dispatch(systemPingJob, {})

    assert.equal(await worker.exited, 0, worker.output())
    const running = await queue.findJob(systemPingJob, runningId)
    assert.equal(running?.state, 'completed')
    const queued = await queue.findJob(systemPingJob, queuedAfterStop)
    assert.equal(queued?.state, 'created', 'a stopping worker fetches nothing new')

    const row = await db.from('kernel_worker_heartbeats').where('pid', worker.child.pid!).firstOrFail()
    assert.isNotNull(row.stopped_at)
  }).timeout(60_000)

  test('on SIGINT stops the same way', async ({ assert, cleanup }) => {
    const worker = startAce(['jobs:work'])
    cleanup(() => void worker.child.kill('SIGKILL'))
    await waitForRunningWorker(worker.child.pid!)

    worker.child.kill('SIGINT')
    assert.equal(await worker.exited, 0, worker.output())
  }).timeout(60_000)
})
