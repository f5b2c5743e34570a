import type { HttpContext } from '@adonisjs/core/http'
import { ANONYMOUS_ACTOR, requestMeta, type AuditRequestContext } from '#identity/services/request_meta'

/**
 * The request-derived part of an audit event: actor, clinic, IP, user agent
 * and request id. Spread it into recordAuditEvent's input.
 */
export function auditContext(ctx: HttpContext): AuditRequestContext {
  return { actor: ctx.actor?.audit ?? ANONYMOUS_ACTOR, clinicId: ctx.actor?.clinicId ?? null, ...requestMeta(ctx) }
}
