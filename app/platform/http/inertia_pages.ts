import type { Readiness } from '#platform/services/get_readiness'
import type { AuditEventPage } from '#audit/index'

/*
| Console pages rendered by this module and the props each receives. The
| React page under resources/pages/ declares the same props.
*/
declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'platform/status': { readiness: Readiness }
    'platform/audit/index': AuditLogPageProps
  }
}

/** The audit log's filter form values, as the form holds them ('' when unset). */
export type AuditLogFilterValues = {
  actor: string
  action: string
  resourceType: string
  resourceId: string
  clinicId: string
  outcome: string
  from: string
  to: string
  perPage: string
}

export type AuditLogPageProps = {
  events: AuditEventPage
  filters: AuditLogFilterValues
  /** `all`: every clinic's events (system roles); `clinic`: the active clinic's only. */
  scope: 'all' | 'clinic'
  canExport: boolean
}
