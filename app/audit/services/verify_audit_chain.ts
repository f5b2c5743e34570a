import db from '@adonisjs/lucid/services/db'
import { auditEventHash, hashedFieldsOfRow } from '#audit/services/audit_hash'

const PAGE_SIZE = 1_000

export interface AuditChainVerification {
  intact: boolean
  checkedEvents: number
  /** The first event whose link is broken (edited, or the one after a gap). */
  firstBrokenEventId: string | null
  message: string
  verifiedAt: Date
}

/**
 * Walks the whole chain in id order, recomputing each hash, and reports the
 * first broken or missing link. The result is stored for the console.
 */
export async function verifyAuditChain(): Promise<AuditChainVerification> {
  let prevHash: string | null = null
  let lastId = '0'
  let checked = 0
  let broken: { id: string; message: string } | null = null

  while (!broken) {
    const rows = await db.from('audit_events').where('id', '>', lastId).orderBy('id', 'asc').limit(PAGE_SIZE)
    if (rows.length === 0) break
    for (const row of rows) {
      const id = String(row.id)
      if (row.prev_hash !== prevHash) {
        broken = { id, message: `Event ${id} does not follow the event before it (an event is missing or was changed)` }
        break
      }
      const expected = auditEventHash(prevHash, hashedFieldsOfRow(row))
      if (expected !== row.hash) {
        broken = { id, message: `Event ${id} was changed after it was recorded (its hash does not match its content)` }
        break
      }
      prevHash = row.hash
      lastId = id
      checked++
    }
  }

  const verification: AuditChainVerification = {
    intact: broken === null,
    checkedEvents: checked,
    firstBrokenEventId: broken?.id ?? null,
    message: broken?.message ?? `All ${checked} events verified`,
    verifiedAt: new Date(),
  }
  await db.table('audit_verifications').insert({
    verified_at: verification.verifiedAt,
    intact: verification.intact,
    checked_events: verification.checkedEvents,
    first_broken_event_id: verification.firstBrokenEventId,
    message: verification.message,
  })
  return verification
}

/** The most recent verification, for the console dashboard. */
export async function latestAuditVerification() {
  const row = await db.from('audit_verifications').orderBy('id', 'desc').first()
  if (!row) return null
  return {
    verifiedAt: new Date(row.verified_at).toISOString(),
    intact: row.intact as boolean,
    checkedEvents: row.checked_events as number,
    firstBrokenEventId: row.first_broken_event_id === null ? null : String(row.first_broken_event_id),
    message: row.message as string,
  }
}
