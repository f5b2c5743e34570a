import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { DateTime } from 'luxon'
import { z } from 'zod'
import { hashedFieldsOfRow } from '#audit/services/audit_hash'

/** A query parameter left empty in a form (`?actor=`) counts as absent. */
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-01-31')
  .refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, 'Not a valid date')

const filterFields = {
  /** An actor's label (email, key prefix: case-insensitive, partial) or id (exact). */
  actor: optional(z.string().trim().min(1).max(255)),
  /** An exact action (`user.create`), or a prefix ending in `.` or `*` (`user.`, `user.*`). */
  action: optional(z.string().trim().min(1).max(100)),
  resourceType: optional(z.string().trim().min(1).max(100)),
  resourceId: optional(z.string().trim().min(1).max(100)),
  clinicId: optional(z.coerce.number().int().positive().max(2_147_483_647)),
  outcome: optional(z.enum(['success', 'failure', 'denied'])),
  /** First day included (UTC). */
  from: optional(isoDate),
  /** Last day included (UTC, through the end of that day). */
  to: optional(isoDate),
}

const fromNotAfterTo = (value: { from?: string; to?: string }) => !value.from || !value.to || value.from <= value.to
const fromNotAfterToIssue = { message: '"from" must not be after "to"', path: ['to'] }

/**
 * The query string of the audit log (console and REST): filters plus
 * pagination. Unknown parameters, malformed dates, an unknown outcome and
 * page sizes outside 1..100 are rejected.
 */
export const auditEventQuerySchema = z
  .strictObject({
    ...filterFields,
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
    perPage: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(25)),
  })
  .refine(fromNotAfterTo, fromNotAfterToIssue)

export type AuditEventQuery = z.output<typeof auditEventQuerySchema>
export type AuditEventFilters = Omit<AuditEventQuery, 'page' | 'perPage'>

/** An audit event as the console and the REST API show it. */
export type AuditEventView = {
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
  metadata: { [key: string]: AuditJson }
  prevHash: string | null
  hash: string
}
type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson }

export type AuditEventPage = {
  data: AuditEventView[]
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
}

/**
 * Whose events the reader may see: `{ clinicId: null }` for every clinic
 * (system roles), else only the events recorded in that clinic.
 */
export type AuditReadScope = { clinicId: number | null }

/**
 * One page of the audit log, newest first, filtered and restricted to the
 * reader's scope. A clinic filter outside the scope simply matches nothing.
 */
export async function listAuditEvents(query: AuditEventQuery, scope: AuditReadScope): Promise<AuditEventPage> {
  const { page, perPage, ...filters } = query
  const builder = filteredAuditEvents(filters, scope).orderBy('id', 'desc')
  const paginator = await builder.paginate(page, perPage)
  return {
    data: paginator.all().map(toAuditEventView),
    meta: {
      total: paginator.total,
      perPage: paginator.perPage,
      currentPage: paginator.currentPage,
      lastPage: Math.max(1, paginator.lastPage),
    },
  }
}

/** The audit_events query for filters within a scope (shared with the CSV export). */
export function filteredAuditEvents(filters: AuditEventFilters, scope: AuditReadScope): DatabaseQueryBuilderContract {
  const query = db.from('audit_events')
  if (scope.clinicId !== null) query.where('clinic_id', scope.clinicId)
  if (filters.clinicId !== undefined) query.where('clinic_id', filters.clinicId)

  if (filters.actor !== undefined) {
    const actor = filters.actor
    query.where((where) => {
      where.whereILike('actor_label', `%${escapeLike(actor)}%`).orWhere('actor_id', actor)
    })
  }
  if (filters.action !== undefined) {
    const prefix = filters.action.match(/^(.*\.)\*?$|^(.*)\*$/)
    if (prefix) query.whereLike('action', `${escapeLike(prefix[1] ?? prefix[2])}%`)
    else query.where('action', filters.action)
  }
  if (filters.resourceType !== undefined) query.where('resource_type', filters.resourceType)
  if (filters.resourceId !== undefined) query.where('resource_id', filters.resourceId)
  if (filters.outcome !== undefined) query.where('outcome', filters.outcome)
  if (filters.from !== undefined) {
    query.where('occurred_at', '>=', DateTime.fromISO(filters.from, { zone: 'utc' }).startOf('day').toJSDate())
  }
  if (filters.to !== undefined) {
    query.where('occurred_at', '<', DateTime.fromISO(filters.to, { zone: 'utc' }).plus({ days: 1 }).startOf('day').toJSDate())
  }
  return query
}

/** A database row of audit_events as an AuditEventView. */
export function toAuditEventView(row: Record<string, any>): AuditEventView {
  const fields = hashedFieldsOfRow(row)
  return { ...fields, metadata: fields.metadata as AuditEventView['metadata'], prevHash: row.prev_hash, hash: row.hash }
}

/** Escapes LIKE wildcards so user input matches literally. */
function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`)
}
