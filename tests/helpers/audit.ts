import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { auditEventHash, hashedFieldsOfRow } from '#audit/services/audit_hash'

/**
 * Runs `change` on audit_events with the append-only trigger disabled, as
 * the database owner could: inside one transaction, so no other session
 * ever sees the table unprotected. Tests use it to tamper with the log and
 * to undo their tampering.
 */
export async function behindTheTriggersBack(change: (trx: TransactionClientContract) => PromiseLike<unknown>) {
  await db.transaction(async (trx) => {
    await trx.rawQuery('alter table audit_events disable trigger audit_events_append_only')
    await change(trx)
    await trx.rawQuery('alter table audit_events enable trigger audit_events_append_only')
  })
}

/** Audit event rows in id order (all of them, or those with the given ids). */
export async function auditRows(ids?: string[]) {
  const query = db.from('audit_events').orderBy('id', 'asc')
  if (ids) query.whereIn('id', ids)
  return query
}

/** The hash a stored row should have, recomputed from its columns and its prev_hash. */
export function recomputeHash(row: Record<string, any>) {
  return auditEventHash(row.prev_hash, hashedFieldsOfRow(row))
}

/** Puts back a row deleted behind the trigger's back, exactly as it was. */
export async function reinsertAuditRow(trx: TransactionClientContract, row: Record<string, any>) {
  await trx.table('audit_events').insert({ ...row, metadata: JSON.stringify(row.metadata) })
}
