import type { HttpContext } from '@adonisjs/core/http'
import type { AuditContext } from '#audit/index'

/**
 * Who made a privacy request, for its audit events. `ctx.actor` is set by
 * the console or API authentication middleware before privacy's routes run
 * (privacy may not import identity, so it reads the request itself).
 */
export function requestAudit(ctx: HttpContext): AuditContext {
  return {
    actor: ctx.actor.audit,
    clinicId: ctx.actor.clinicId,
    ip: ctx.request.ip(),
    userAgent: ctx.request.header('user-agent') ?? null,
    requestId: ctx.request.id() ?? null,
  }
}
