import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#kernel/index'
import { isSystemRole, type Permission, type SystemRole } from '#identity/roles'
import { auditContext } from '#identity/services/audit_context'
import type User from '#identity/models/user'

/**
 * Who is administering, and over which tenants. System roles (super_admin,
 * it_admin) reach every clinic; everyone else (a clinic_admin, a clinic's
 * API key) only the active clinic of the request. Admin services take this
 * instead of the HTTP context.
 */
export interface AdminScope {
  /** The acting user, or null for an integration API key. */
  userId: number | null
  /** The actor's system role, when it acts with one. */
  systemRole: SystemRole | null
  /** null: every clinic. Otherwise the one clinic whose users, memberships and keys the actor sees. */
  tenantClinicId: number | null
  /** The request's active clinic (a system admin's default for clinic-bound things like API keys). */
  activeClinicId: number | null
  permissions: ReadonlySet<Permission>
  /** Request-derived audit fields: actor, ip, user agent, request id. */
  audit: ReturnType<typeof auditContext>
}

export function resolveAdminScope(ctx: HttpContext): AdminScope {
  const actor = ctx.actor
  const systemRole = actor.role && isSystemRole(actor.role) ? actor.role : null
  if (!systemRole && actor.clinicId === null) {
    throw AppError.conflict('NO_ACTIVE_CLINIC', 'Select a clinic first')
  }
  return {
    userId: actor.user?.id ?? null,
    systemRole,
    tenantClinicId: systemRole ? null : actor.clinicId,
    activeClinicId: actor.clinicId,
    permissions: actor.permissions,
    audit: auditContext(ctx),
  }
}

/** 403 FORBIDDEN unless the scope holds the permission (for rules a route's own check does not cover). */
export function requirePermission(scope: AdminScope, permission: Permission) {
  if (!scope.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this', 403, { permission })
  }
}

/**
 * Whether the scope may give or take away a system role: only a super_admin
 * grants super_admin; a super_admin or it_admin grants it_admin; clinic
 * admins and API keys never touch system roles.
 */
export function assertMayGrantSystemRole(scope: AdminScope, role: SystemRole | null, previous: SystemRole | null = null) {
  const touched = [role, previous].filter((value): value is SystemRole => value !== null)
  for (const systemRole of touched) {
    const allowed = systemRole === 'super_admin' ? scope.systemRole === 'super_admin' : scope.systemRole !== null
    if (!allowed) {
      throw new AppError('FORBIDDEN', `Only a ${systemRole === 'super_admin' ? 'super_admin' : 'system admin'} may grant or remove ${systemRole}`, 403, {
        systemRole,
      })
    }
  }
}

/** The system roles this scope may hand out (for the console's pickers). */
export function grantableSystemRoles(scope: AdminScope): SystemRole[] {
  if (scope.systemRole === 'super_admin') return ['super_admin', 'it_admin']
  if (scope.systemRole === 'it_admin') return ['it_admin']
  return []
}

/**
 * Whether the scope may change this user at all: only a super_admin changes
 * a super_admin, and only system admins change a user who holds a system role.
 */
export function assertMayChangeUser(scope: AdminScope, user: User) {
  if (user.systemRole === 'super_admin' && scope.systemRole !== 'super_admin') {
    throw new AppError('FORBIDDEN', 'Only a super_admin may change a super_admin', 403)
  }
  if (user.systemRole && scope.systemRole === null) {
    throw new AppError('FORBIDDEN', 'Only a system admin may change a user with a system role', 403)
  }
}

/** Whether a database error is a unique-constraint violation (a concurrent duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '23505'
}
