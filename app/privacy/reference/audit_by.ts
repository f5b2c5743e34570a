import type { AuditEventInput } from '#audit/index'

/** Who makes a change: the request's audit context, or SYSTEM_ACTOR for jobs and commands. */
export type AuditBy = Pick<AuditEventInput, 'actor' | 'ip' | 'userAgent' | 'requestId'>
