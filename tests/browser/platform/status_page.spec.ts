import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { appVersion } from '#kernel/index'
import { startTestWorker } from '#tests/helpers/jobs'

test.group('Status page', (group) => {
  group.each.setup(async () => {
    await db.from('kernel_worker_heartbeats').delete()
  })

  test('shows the version and every readiness check as ready', async ({ visit, assert, cleanup }) => {
    const worker = await startTestWorker()
    cleanup(() => worker.stop())

    const page = await visit('/')
    await page.assertTitle('Status · Clinibox')
    await page.assertTextContains('h2', 'System status')
    await page.assertTextContains('[data-testid="version"]', appVersion)
    await page.assertTextContains('[data-testid="mode"]', 'server')
    // Badges are upper-cased by CSS; compare the text itself.
    assert.equal(await page.locator('[data-testid="overall-status"]').textContent(), 'Ready')
    for (const check of ['database', 'pgvector', 'worker', 'storage', 'models']) {
      assert.include(await page.locator(`[data-testid="check-${check}"]`).textContent(), 'ok')
    }
  })

  test('shows the system as not ready, naming the failing check, when no worker runs', async ({ visit, assert }) => {
    const page = await visit('/')
    await page.assertTextContains('[data-testid="check-worker"]', 'No job worker is running')
    assert.equal(await page.locator('[data-testid="overall-status"]').textContent(), 'Not ready')
  })
})
