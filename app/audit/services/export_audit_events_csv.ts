import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { recordAuditEvent } from '#audit/services/record_audit_event'
import type { AuditEventInput } from '#audit/services/audit_event_input'
import { filteredAuditEvents, type AuditEventFilters, type AuditReadScope } from '#audit/services/list_audit_events'

/** The most rows one export holds; narrow the filters for more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000
const BATCH_SIZE = 1_000

export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_label',
  'clinic_id',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'ip',
  'request_id',
  'metadata',
  'hash',
] as const

export type AuditExport = {
  /** Rows the CSV holds (at most the cap). */
  rowCount: number
  /** Whether more events matched than the cap let through. */
  truncated: boolean
  /** The CSV, header line first, newest event first. */
  stream: Readable
}

/**
 * Exports the filtered audit log as CSV. The export is itself audited
 * (`audit.export`, with the filters and the row count) before any row is
 * streamed. The file holds exactly the events that existed when the export
 * started, so the export's own event and later ones are not in it.
 */
export async function exportAuditEventsCsv(options: {
  filters: AuditEventFilters
  scope: AuditReadScope
  /** Who asks, from where: the request part of the audit event. */
  context: Omit<AuditEventInput, 'action' | 'outcome' | 'metadata' | 'resourceType' | 'resourceId'>
  maxRows?: number
}): Promise<AuditExport> {
  const maxRows = options.maxRows ?? AUDIT_EXPORT_MAX_ROWS
  const last = await filteredAuditEvents(options.filters, options.scope).max('id as id').first()
  const lastId: string | null = last?.id === null || last?.id === undefined ? null : String(last.id)

  const matching = lastId === null ? 0 : Number((await filteredAuditEvents(options.filters, options.scope).count('* as total').first())?.total ?? 0)
  const rowCount = Math.min(matching, maxRows)

  await recordAuditEvent({
    ...options.context,
    action: 'audit.export',
    outcome: 'success',
    resourceType: 'audit_event',
    metadata: { filters: definedOnly(options.filters), rowCount, truncated: matching > maxRows, format: 'csv' },
  })

  const rows = lastId === null ? Readable.from([]) : Readable.from(csvRecords(options.filters, options.scope, lastId, rowCount))
  const csv = stringify({ header: true, columns: [...AUDIT_EXPORT_COLUMNS] })
  rows.on('error', (error) => csv.destroy(error))
  return { rowCount, truncated: matching > maxRows, stream: rows.pipe(csv) }
}

/** The matching events with id <= lastId, newest first, as CSV records, in batches (keyset pagination). */
async function* csvRecords(filters: AuditEventFilters, scope: AuditReadScope, lastId: string, limit: number) {
  let remaining = limit
  let cursor = BigInt(lastId) + 1n
  while (remaining > 0) {
    const batch = await filteredAuditEvents(filters, scope)
      .where('id', '<', cursor.toString())
      .orderBy('id', 'desc')
      .limit(Math.min(BATCH_SIZE, remaining))
    if (batch.length === 0) return
    for (const row of batch) yield toCsvRecord(row)
    remaining -= batch.length
    cursor = BigInt(batch[batch.length - 1].id)
  }
}

function toCsvRecord(row: Record<string, any>): Record<(typeof AUDIT_EXPORT_COLUMNS)[number], string> {
  return {
    id: String(row.id),
    occurred_at: new Date(row.occurred_at).toISOString(),
    actor_type: safeCell(row.actor_type),
    actor_id: safeCell(row.actor_id),
    actor_label: safeCell(row.actor_label),
    clinic_id: row.clinic_id === null ? '' : String(row.clinic_id),
    action: safeCell(row.action),
    resource_type: safeCell(row.resource_type),
    resource_id: safeCell(row.resource_id),
    outcome: safeCell(row.outcome),
    ip: safeCell(row.ip),
    request_id: safeCell(row.request_id),
    metadata: safeCell(JSON.stringify(row.metadata ?? {})),
    hash: row.hash,
  }
}

/**
 * Guards against CSV formula injection: a spreadsheet would run a cell that
 * starts with = + - @ (or a tab or carriage return), so such values get a
 * leading single quote and are shown as text.
 */
export function safeCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function definedOnly(filters: AuditEventFilters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))
}
