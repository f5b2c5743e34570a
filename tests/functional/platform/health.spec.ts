import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { appVersion } from '#kernel/index'
import { startTestWorker } from '#tests/helpers/jobs'

test.group('GET /health', () => {
  test('answers 200 while the process is up, without touching dependencies', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })
})

test.group('GET /health/ready', (group) => {
  group.each.setup(async () => {
    await db.from('kernel_worker_heartbeats').delete()
  })

  test('answers 200 with every check ok while a worker runs', async ({ client, assert, cleanup }) => {
    const worker = await startTestWorker()
    cleanup(() => worker.stop())

    const response = await client.get('/health/ready')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.equal(response.body().version, appVersion)
    assert.equal(response.body().mode, 'server')
    assert.sameMembers(Object.keys(response.body().checks), ['database', 'pgvector', 'worker', 'storage', 'models'])
    for (const [name, check] of Object.entries<{ status: string }>(response.body().checks)) {
      assert.equal(check.status, 'ok', `${name} should be ok`)
    }
    assert.equal(response.body().checks.worker.meta.runningWorkers, 1)
  })

  test('answers 503 and names the worker check when no worker runs', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(503)
    assert.equal(response.body().status, 'error')
    assert.equal(response.body().checks.worker.status, 'error')
    assert.equal(response.body().checks.worker.message, 'No job worker is running')
    assert.equal(response.body().checks.database.status, 'ok')
  })

  test('counts a worker that stopped as gone', async ({ client, assert }) => {
    const worker = await startTestWorker()
    await worker.stop()
    const response = await client.get('/health/ready')
    response.assertStatus(503)
    assert.equal(response.body().checks.worker.status, 'error')
  })

  test('reports a worker whose heartbeat went stale', async ({ client, assert }) => {
    const stale = new Date(Date.now() - 5 * 60_000).toISOString()
    await db.table('kernel_worker_heartbeats').insert({
      id: '00000000-0000-4000-8000-0000000000aa',
      hostname: 'gone-host',
      pid: 1,
      queues: JSON.stringify([]),
      started_at: stale,
      beat_at: stale,
    })
    const response = await client.get('/health/ready')
    response.assertStatus(503)
    assert.match(response.body().checks.worker.message, /^No worker heartbeat for \d+ s$/)
  })
})
