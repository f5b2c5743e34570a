import type { HttpContext } from '@adonisjs/core/http'
import type { AuditActor, AuditEventInput } from '#audit/index'
import type User from '#identity/models/user'

/** Where a request came from, for audit events recorded by services. */
export type RequestMeta = Pick<AuditEventInput, 'ip' | 'userAgent' | 'requestId'>

/** The audit context of a console or API request, as auditContext(ctx) builds it. */
export type AuditRequestContext = Pick<AuditEventInput, 'actor' | 'clinicId' | 'ip' | 'userAgent' | 'requestId'>

export function requestMeta(ctx: HttpContext): RequestMeta {
  return { ip: ctx.request.ip(), userAgent: ctx.request.header('user-agent') ?? null, requestId: ctx.request.id() ?? null }
}

export const ANONYMOUS_ACTOR: AuditActor = { type: 'anonymous', id: null, label: null }

/** A console user as an audit actor. */
export function userActor(user: User): AuditActor {
  return { type: 'user', id: String(user.id), label: user.email }
}
