import type { HttpContext } from '@adonisjs/core/http'
import type { AuditEventInput } from '#audit/index'

/**
 * The request-derived part of an audit event: actor, clinic, IP, user agent
 * and request id. Spread it into recordAuditEvent's input.
 */
export function auditContext(ctx: HttpContext): Pick<AuditEventInput, 'actor' | 'clinicId' | 'ip' | 'userAgent' | 'requestId'> {
  return {
    actor: ctx.actor?.audit ?? { type: 'anonymous', id: null, label: null },
    clinicId: ctx.actor?.clinicId ?? null,
    ip: ctx.request.ip(),
    userAgent: ctx.request.header('user-agent') ?? null,
    requestId: ctx.request.id() ?? null,
  }
}
