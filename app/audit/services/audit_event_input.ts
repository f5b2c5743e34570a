/** Who did it: a console user, a personal access token's user, an integration key, or the system. */
export interface AuditActor {
  type: 'user' | 'token' | 'api_key' | 'system' | 'anonymous'
  /** User id, token id or API key id, as text. */
  id: string | null
  /** Human-readable: an email, a key's prefix, `system`. Never PHI. */
  label: string | null
}

export type AuditOutcome = 'success' | 'failure' | 'denied'

/** One thing that happened. Metadata must never contain PHI. */
export interface AuditEventInput {
  action: string
  outcome: AuditOutcome
  actor: AuditActor
  clinicId?: number | null
  resourceType?: string | null
  resourceId?: string | number | null
  ip?: string | null
  userAgent?: string | null
  requestId?: string | null
  metadata?: Record<string, unknown>
}

/**
 * Who does something and from where, as services receive it: a request's
 * context (actor, clinic, IP, user agent, request id) or just SYSTEM_ACTOR
 * for jobs and commands. Spread it into recordAuditEvent's input.
 */
export type AuditContext = Pick<AuditEventInput, 'actor' | 'clinicId' | 'ip' | 'userAgent' | 'requestId'>

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'system' }
