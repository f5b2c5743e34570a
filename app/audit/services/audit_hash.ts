import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** The stored fields of an audit event that its hash covers. */
export interface HashedAuditFields {
  id: string
  occurredAt: string
  actorType: string
  actorId: string | null
  actorLabel: string | null
  clinicId: number | null
  action: string
  resourceType: string | null
  resourceId: string | null
  outcome: string
  ip: string | null
  userAgent: string | null
  requestId: string | null
  metadata: Record<string, unknown>
}

/**
 * SHA-256 over the previous event's hash and the event's fields serialised
 * canonically (RFC 8785 JSON: sorted keys, fixed number format), so the
 * same row always gives the same hash and any edit or gap breaks the chain.
 */
export function auditEventHash(prevHash: string | null, fields: HashedAuditFields): string {
  const canonical = canonicalize({ prevHash, ...fields })
  if (canonical === undefined) throw new Error('Audit event cannot be serialised')
  return createHash('sha256').update(canonical).digest('hex')
}

/** The hashed fields of a stored audit_events row, as they were when it was hashed. */
export function hashedFieldsOfRow(row: Record<string, any>): HashedAuditFields {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    clinicId: row.clinic_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    metadata: row.metadata ?? {},
  }
}
