import { test } from '@japa/runner'
import { auditEventHash, type HashedAuditFields } from '#audit/services/audit_hash'

const PREV = 'a'.repeat(64)
const FIELDS: HashedAuditFields = {
  id: '42',
  occurredAt: '2025-01-31T14:05:09.123Z',
  actorType: 'user',
  actorId: '7',
  actorLabel: 'admin@clinic.test',
  clinicId: 3,
  action: 'user.update',
  resourceType: 'user',
  resourceId: '9',
  outcome: 'success',
  ip: '127.0.0.1',
  userAgent: 'japa',
  requestId: 'req-1',
  metadata: { changed: ['fullName', 'email'], nested: { b: 2, a: 1 }, count: 2 },
}

/** A different value of each field's type. */
const CHANGED: { [K in keyof HashedAuditFields]: HashedAuditFields[K] } = {
  id: '43',
  occurredAt: '2025-01-31T14:05:09.124Z',
  actorType: 'token',
  actorId: '8',
  actorLabel: 'other@clinic.test',
  clinicId: 4,
  action: 'user.disable',
  resourceType: 'clinic',
  resourceId: '10',
  outcome: 'failure',
  ip: '10.0.0.1',
  userAgent: 'curl',
  requestId: 'req-2',
  metadata: { changed: ['fullName'] },
}

test.group('auditEventHash', () => {
  test('is a SHA-256 hex digest and the same for the same input', ({ assert }) => {
    const hash = auditEventHash(PREV, FIELDS)
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.equal(auditEventHash(PREV, { ...FIELDS }), hash)
    assert.equal(auditEventHash(PREV, structuredClone(FIELDS)), hash)
  })

  test('does not depend on the order of metadata keys, at any depth', ({ assert }) => {
    const reordered = { ...FIELDS, metadata: { count: 2, nested: { a: 1, b: 2 }, changed: ['fullName', 'email'] } }
    assert.equal(auditEventHash(PREV, reordered), auditEventHash(PREV, FIELDS))
  })

  test('does not depend on the order of the fields object itself', ({ assert }) => {
    const reversed = Object.fromEntries(Object.entries(FIELDS).reverse()) as unknown as HashedAuditFields
    assert.equal(auditEventHash(PREV, reversed), auditEventHash(PREV, FIELDS))
  })

  test('changes when any field changes', ({ assert }) => {
    const original = auditEventHash(PREV, FIELDS)
    for (const field of Object.keys(CHANGED) as (keyof HashedAuditFields)[]) {
      const changed = { ...FIELDS, [field]: CHANGED[field] }
      assert.notEqual(auditEventHash(PREV, changed), original, `changing ${field} must change the hash`)
    }
  })

  test('changes when a nullable field becomes null', ({ assert }) => {
    const original = auditEventHash(PREV, FIELDS)
    for (const field of ['actorId', 'actorLabel', 'clinicId', 'resourceType', 'resourceId', 'ip', 'userAgent', 'requestId'] as const) {
      assert.notEqual(auditEventHash(PREV, { ...FIELDS, [field]: null }), original, `${field}: null`)
    }
  })

  test('changes when the order of a metadata array changes (arrays are ordered)', ({ assert }) => {
    const swapped = { ...FIELDS, metadata: { ...FIELDS.metadata, changed: ['email', 'fullName'] } }
    assert.notEqual(auditEventHash(PREV, swapped), auditEventHash(PREV, FIELDS))
  })

  test('changes when the previous hash changes, including for the first event (no previous hash)', ({ assert }) => {
    const original = auditEventHash(PREV, FIELDS)
    assert.notEqual(auditEventHash('b'.repeat(64), FIELDS), original)
    assert.notEqual(auditEventHash(null, FIELDS), original)
    assert.notEqual(auditEventHash('', FIELDS), auditEventHash(null, FIELDS))
  })

  test('distinguishes a number from the same digits as text', ({ assert }) => {
    assert.notEqual(auditEventHash(PREV, { ...FIELDS, metadata: { count: 2 } }), auditEventHash(PREV, { ...FIELDS, metadata: { count: '2' } }))
  })
})
