import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent, SYSTEM_ACTOR, verifyAuditChain, type AuditEventInput } from '#audit/index'
import { auditRows, recomputeHash } from '#tests/helpers/audit'

const uniqueAction = (verb: string) => `test_${randomBytes(4).toString('hex')}.${verb}`

function event(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action: uniqueAction('record'),
    outcome: 'success',
    actor: { type: 'user', id: '1', label: 'admin@clinic.test' },
    clinicId: null,
    resourceType: 'user',
    resourceId: 1,
    ip: '127.0.0.1',
    userAgent: 'japa',
    requestId: 'req-test',
    metadata: {},
    ...overrides,
  }
}

/** Asserts that rows (in id order) link each to the one before and that each hash matches its content. */
function assertLinked(assert: any, rows: Record<string, any>[]) {
  for (const [index, row] of rows.entries()) {
    if (index > 0) assert.equal(row.prev_hash, rows[index - 1].hash, `event ${row.id} links to event ${rows[index - 1].id}`)
    assert.equal(recomputeHash(row), row.hash, `event ${row.id}'s hash covers its content`)
  }
}

test.group('Audit log: recording', () => {
  test('each event stores the previous event’s hash and a hash of its own content', async ({ assert }) => {
    const before = await db.from('audit_events').max('id as id').first()
    const first = await recordAuditEvent(event({ metadata: { changed: ['email'] } }))
    const second = await recordAuditEvent(event({ actor: SYSTEM_ACTOR, resourceId: 'abc', clinicId: null }))
    const third = await recordAuditEvent(event({ outcome: 'denied', metadata: { nested: { b: 1, a: [1, 2] } } }))

    const rows = await auditRows([first.id, second.id, third.id])
    assert.deepEqual(
      rows.map((row) => String(row.id)),
      [first.id, second.id, third.id]
    )
    assertLinked(assert, rows)
    assert.equal(rows[2].hash, third.hash)
    if (before?.id) {
      const previous = await db.from('audit_events').where('id', before.id).firstOrFail()
      assert.equal(rows[0].prev_hash, previous.hash, 'the first new event links to the event recorded before it')
    }
    assert.isTrue((await verifyAuditChain()).intact)
  })

  test('stores the event’s fields as given: actor, clinic, resource, outcome, request, metadata', async ({ assert }) => {
    const action = uniqueAction('update')
    const { id } = await recordAuditEvent(
      event({
        action,
        actor: { type: 'api_key', id: '12', label: 'cbk_abcdefgh' },
        resourceType: 'clinic',
        resourceId: 77,
        outcome: 'failure',
        metadata: { reason: 'conflict', fields: ['name'] },
        userAgent: 'x'.repeat(600),
      })
    )
    const row = await db.from('audit_events').where('id', id).firstOrFail()
    assert.equal(row.action, action)
    assert.equal(row.actor_type, 'api_key')
    assert.equal(row.actor_id, '12')
    assert.equal(row.actor_label, 'cbk_abcdefgh')
    assert.equal(row.resource_type, 'clinic')
    assert.equal(row.resource_id, '77')
    assert.equal(row.outcome, 'failure')
    assert.deepEqual(row.metadata, { reason: 'conflict', fields: ['name'] })
    assert.lengthOf(row.user_agent, 512, 'a long user agent is cut to 512 characters')
    assert.equal(recomputeHash(row), row.hash)
  })

  test('an event recorded inside a transaction that rolls back leaves no trace and no broken link', async ({ assert }) => {
    const action = uniqueAction('rolled_back')
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await recordAuditEvent(event({ action }), { trx })
        throw new Error('the change failed')
      })
    )
    assert.isNull(await db.from('audit_events').where('action', action).first())

    await recordAuditEvent(event())
    assert.isTrue((await verifyAuditChain()).intact)
  })

  test('20 events recorded at the same time still form one unbroken chain', async ({ assert }) => {
    const action = uniqueAction('concurrent')
    const recorded = await Promise.all(
      Array.from({ length: 20 }, (_, index) => recordAuditEvent(event({ action, metadata: { index } })))
    )
    assert.lengthOf(new Set(recorded.map((result) => result.id)), 20)

    const rows = await db.from('audit_events').where('action', action).orderBy('id', 'asc')
    assert.lengthOf(rows, 20)
    assert.sameMembers(
      rows.map((row) => row.metadata.index),
      Array.from({ length: 20 }, (_, index) => index)
    )
    const all = await auditRows()
    assertLinked(assert, all)
    assert.lengthOf(new Set(all.map((row) => row.prev_hash)), all.length, 'no two events share a predecessor (no fork)')
    const verification = await verifyAuditChain()
    assert.isTrue(verification.intact, verification.message)
    assert.equal(verification.checkedEvents, all.length)
  }).timeout(30_000)
})

test.group('Audit log: append-only', (group) => {
  let target: { id: string; hash: string }
  group.setup(async () => {
    target = await recordAuditEvent(event({ action: uniqueAction('protected') }))
  })

  test('UPDATE is rejected by the trigger and changes nothing', async ({ assert }) => {
    const before = await db.from('audit_events').where('id', target.id).firstOrFail()
    await assert.rejects(
      () => db.rawQuery(`update audit_events set action = 'user.forged' where id = ?`, [target.id]),
      /audit_events is append-only: UPDATE is not allowed/
    )
    await assert.rejects(() => db.rawQuery(`update audit_events set outcome = 'success'`), /append-only: UPDATE/)
    const after = await db.from('audit_events').where('id', target.id).firstOrFail()
    assert.deepEqual(after, before)
  })

  test('DELETE is rejected by the trigger and removes nothing', async ({ assert }) => {
    const count = await countEvents()
    await assert.rejects(
      () => db.rawQuery('delete from audit_events where id = ?', [target.id]),
      /audit_events is append-only: DELETE is not allowed/
    )
    await assert.rejects(() => db.rawQuery('delete from audit_events'), /append-only: DELETE/)
    assert.equal(await countEvents(), count)
  })

  test('TRUNCATE is rejected by the trigger and removes nothing', async ({ assert }) => {
    const count = await countEvents()
    await assert.rejects(() => db.rawQuery('truncate audit_events'), /audit_events is append-only: TRUNCATE is not allowed/)
    assert.equal(await countEvents(), count)
  })

  test('the chain is still intact after the rejected changes', async ({ assert }) => {
    const verification = await verifyAuditChain()
    assert.isTrue(verification.intact, verification.message)
  })
})

async function countEvents() {
  const row = await db.from('audit_events').count('* as total').firstOrFail()
  return Number(row.total)
}
