import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { auditEventHash, type HashedAuditFields } from '#audit/services/audit_hash'
import type { AuditEventInput } from '#audit/services/audit_event_input'

/** Serialises appends so the chain stays a single line (transaction-scoped advisory lock). */
const CHAIN_LOCK_KEY = 7_301_001

/**
 * Appends one event to the hash chain. Pass `trx` to record it inside the
 * transaction of the change it describes: both commit or neither does.
 */
export async function recordAuditEvent(input: AuditEventInput, options: { trx?: TransactionClientContract } = {}) {
  if (options.trx) return append(input, options.trx)
  return db.transaction((trx) => append(input, trx))
}

async function append(input: AuditEventInput, trx: TransactionClientContract) {
  await trx.rawQuery('select pg_advisory_xact_lock(?)', [CHAIN_LOCK_KEY])
  const last = await trx.from('audit_events').select('hash').orderBy('id', 'desc').first()
  const next = await trx.rawQuery(`select nextval('audit_events_id_seq')::text as id`)

  const fields: HashedAuditFields = {
    id: next.rows[0].id,
    occurredAt: new Date().toISOString(),
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    clinicId: input.clinicId ?? null,
    action: input.action,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId === undefined || input.resourceId === null ? null : String(input.resourceId),
    outcome: input.outcome,
    ip: input.ip ?? null,
    userAgent: input.userAgent ? input.userAgent.slice(0, 512) : null,
    requestId: input.requestId ?? null,
    metadata: input.metadata ?? {},
  }
  const prevHash: string | null = last?.hash ?? null
  const hash = auditEventHash(prevHash, fields)

  await trx.table('audit_events').insert({
    id: fields.id,
    occurred_at: fields.occurredAt,
    actor_type: fields.actorType,
    actor_id: fields.actorId,
    actor_label: fields.actorLabel,
    clinic_id: fields.clinicId,
    action: fields.action,
    resource_type: fields.resourceType,
    resource_id: fields.resourceId,
    outcome: fields.outcome,
    ip: fields.ip,
    user_agent: fields.userAgent,
    request_id: fields.requestId,
    metadata: JSON.stringify(fields.metadata),
    prev_hash: prevHash,
    hash,
  })
  return { id: fields.id, hash }
}
