import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { jobRegistry } from '#kernel/index'
import { recordAuditEvent, SYSTEM_ACTOR, verifyAuditChainJob } from '#audit/index'

test.group('audit.verify_chain job', () => {
  test('is registered to run nightly', ({ assert }) => {
    assert.strictEqual(jobRegistry.get('audit.verify_chain'), verifyAuditChainJob)
    assert.equal(verifyAuditChainJob.cron, '15 2 * * *')
  })

  test('verifies the chain and stores the result the dashboard shows', async ({ assert }) => {
    await recordAuditEvent({ action: 'test.nightly', outcome: 'success', actor: SYSTEM_ACTOR })
    const before = await db.from('audit_verifications').count('* as total')

    const output = await verifyAuditChainJob.handle({}, { jobId: 'test', queue: verifyAuditChainJob.queue, attempt: 1 })

    assert.containsSubset(output, { intact: true })
    const after = await db.from('audit_verifications').count('* as total')
    assert.equal(Number(after[0].total), Number(before[0].total) + 1)
  })
})
