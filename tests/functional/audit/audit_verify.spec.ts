import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { latestAuditVerification, recordAuditEvent, verifyAuditChain } from '#audit/index'
import { startAce } from '#tests/helpers/child_process'
import { behindTheTriggersBack, reinsertAuditRow } from '#tests/helpers/audit'

/*
| These tests break the chain on purpose, in the run's shared database, and
| put every row back exactly as it was before the test ends (tests run one
| at a time), so other test files find an intact chain.
*/

/** Records three events and returns their ids, oldest first. */
async function recordThree() {
  const action = `test_${randomBytes(4).toString('hex')}.verify`
  const ids: string[] = []
  for (const step of ['first', 'middle', 'last']) {
    const { id } = await recordAuditEvent({
      action,
      outcome: 'success',
      actor: { type: 'user', id: '1', label: 'admin@clinic.test' },
      resourceType: 'user',
      resourceId: 1,
      metadata: { step },
    })
    ids.push(id)
  }
  return ids
}

async function runAuditVerify() {
  const child = startAce(['audit:verify'])
  const exitCode = await child.exited
  return { exitCode, output: child.output() }
}

async function verificationCount() {
  const row = await db.from('audit_verifications').count('* as total').firstOrFail()
  return Number(row.total)
}

test.group('Audit chain verification', () => {
  test('an intact chain verifies: every event checked, the result stored', async ({ assert }) => {
    await recordThree()
    const events = Number((await db.from('audit_events').count('* as total').firstOrFail()).total)
    const storedBefore = await verificationCount()

    const verification = await verifyAuditChain()
    assert.isTrue(verification.intact)
    assert.equal(verification.checkedEvents, events)
    assert.isNull(verification.firstBrokenEventId)
    assert.equal(verification.message, `All ${events} events verified`)

    assert.equal(await verificationCount(), storedBefore + 1)
    const latest = await latestAuditVerification()
    assert.deepEqual(latest, {
      verifiedAt: verification.verifiedAt.toISOString(),
      intact: true,
      checkedEvents: events,
      firstBrokenEventId: null,
      message: verification.message,
    })
  })

  test('`node ace audit:verify` exits 0 on an intact chain', async ({ assert }) => {
    await recordThree()
    const storedBefore = await verificationCount()
    const { exitCode, output } = await runAuditVerify()
    assert.equal(exitCode, 0, output)
    assert.match(output, /All \d+ events verified/)
    assert.equal(await verificationCount(), storedBefore + 1, 'the command stores its result too')
    assert.isTrue((await latestAuditVerification())!.intact)
  }).timeout(60_000)

  test('an event edited behind the trigger’s back is found, by the service and by the command', async ({ assert, cleanup }) => {
    const [, middle, last] = await recordThree()
    const original = await db.from('audit_events').where('id', middle).firstOrFail()

    await behindTheTriggersBack((trx) => trx.from('audit_events').where('id', middle).update({ action: 'user.forged' }))
    cleanup(() => behindTheTriggersBack((trx) => trx.from('audit_events').where('id', middle).update({ action: original.action })))

    const verification = await verifyAuditChain()
    assert.isFalse(verification.intact)
    assert.equal(verification.firstBrokenEventId, middle)
    assert.equal(verification.message, `Event ${middle} was changed after it was recorded (its hash does not match its content)`)
    assert.isBelow(verification.checkedEvents, Number(middle))

    const latest = await latestAuditVerification()
    assert.isFalse(latest!.intact)
    assert.equal(latest!.firstBrokenEventId, middle)

    const { exitCode, output } = await runAuditVerify()
    assert.equal(exitCode, 1, output)
    assert.include(output, `Event ${middle} was changed`)
    assert.notInclude(output, `Event ${last}`, 'the first broken link is named, not the ones after it')
  }).timeout(60_000)

  test('an event whose metadata was edited is found', async ({ assert, cleanup }) => {
    const [first] = await recordThree()
    const original = await db.from('audit_events').where('id', first).firstOrFail()

    await behindTheTriggersBack((trx) =>
      trx.from('audit_events').where('id', first).update({ metadata: JSON.stringify({ step: 'rewritten' }) })
    )
    cleanup(() =>
      behindTheTriggersBack((trx) => trx.from('audit_events').where('id', first).update({ metadata: JSON.stringify(original.metadata) }))
    )

    const verification = await verifyAuditChain()
    assert.isFalse(verification.intact)
    assert.equal(verification.firstBrokenEventId, first)
  })

  test('a deleted event is found: the next event no longer follows the one before it', async ({ assert, cleanup }) => {
    const [, middle, last] = await recordThree()
    const deleted = await db.from('audit_events').where('id', middle).firstOrFail()

    await behindTheTriggersBack((trx) => trx.from('audit_events').where('id', middle).delete())
    cleanup(() => behindTheTriggersBack((trx) => reinsertAuditRow(trx, deleted)))

    const verification = await verifyAuditChain()
    assert.isFalse(verification.intact)
    assert.equal(verification.firstBrokenEventId, last)
    assert.equal(verification.message, `Event ${last} does not follow the event before it (an event is missing or was changed)`)

    const { exitCode, output } = await runAuditVerify()
    assert.equal(exitCode, 1, output)
    assert.include(output, `Event ${last} does not follow`)
  }).timeout(60_000)

  test('a chain put back as it was verifies again, and the latest verification says so', async ({ assert }) => {
    const [, middle] = await recordThree()
    const original = await db.from('audit_events').where('id', middle).firstOrFail()
    await behindTheTriggersBack((trx) => trx.from('audit_events').where('id', middle).update({ outcome: 'denied' }))
    assert.isFalse((await verifyAuditChain()).intact)

    await behindTheTriggersBack((trx) => trx.from('audit_events').where('id', middle).update({ outcome: original.outcome }))
    const verification = await verifyAuditChain()
    assert.isTrue(verification.intact, verification.message)
    const latest = await latestAuditVerification()
    assert.isTrue(latest!.intact)
    assert.equal(latest!.verifiedAt, verification.verifiedAt.toISOString())
  })

  test('the trigger is enabled again after tampering', async ({ assert }) => {
    const [id] = await recordThree()
    await assert.rejects(() => db.rawQuery('delete from audit_events where id = ?', [id]), /append-only: DELETE/)
    const verification = await verifyAuditChain()
    assert.isTrue(verification.intact, verification.message)
  })
})
