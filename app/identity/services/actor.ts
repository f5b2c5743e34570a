import type { AuditActor } from '#audit/index'
import type { Permission, Role } from '#identity/roles'
import type User from '#identity/models/user'
import type ApiKey from '#identity/models/api_key'

/**
 * Who is making the request, in which clinic, and what they may do. Set on
 * `ctx.actor` by the console and API authentication middleware.
 */
export interface Actor {
  kind: 'user' | 'token' | 'api_key'
  user: User | null
  apiKey: ApiKey | null
  /** The active clinic: from the session, the X-Clinic-Id header, or the API key. */
  clinicId: number | null
  /** The role that applies in the active clinic (a system role applies everywhere). */
  role: Role | null
  permissions: ReadonlySet<Permission>
  audit: AuditActor
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    actor: Actor
  }
}
