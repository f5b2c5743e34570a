import type { HttpContext } from '@adonisjs/core/http'
import type { AuditReadScope } from '#audit/index'
import { activeClinicId, SYSTEM_ROLES, type Role } from '#identity/index'

/**
 * Whose audit events the request may read: system roles (super_admin,
 * it_admin) every clinic's and the system's; everyone else (auditors,
 * clinic admins, integration keys) only the events of their active clinic.
 */
export function auditReadScope(ctx: HttpContext): AuditReadScope {
  const role: Role | null = ctx.actor.role
  if (role !== null && (SYSTEM_ROLES as readonly Role[]).includes(role)) return { clinicId: null }
  return { clinicId: activeClinicId(ctx) }
}
