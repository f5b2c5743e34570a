import type { HttpContext } from '@adonisjs/core/http'
import type { AuditEventInput } from '#audit/index'

export type PrivacyAuditContext = Pick<AuditEventInput, 'actor' | 'clinicId' | 'ip' | 'userAgent' | 'requestId'>

/**
 * Who made a privacy request, for its audit events. `ctx.actor` is set by
 * the console or API authentication middleware before privacy's routes run
 * (privacy may not import identity, so it reads the request itself).
 */
export function requestAudit(ctx: HttpContext): PrivacyAuditContext {
  return {
    actor: ctx.actor.audit,
    clinicId: ctx.actor.clinicId,
    ip: ctx.request.ip(),
    userAgent: ctx.request.header('user-agent') ?? null,
    requestId: ctx.request.id() ?? null,
  }
}
