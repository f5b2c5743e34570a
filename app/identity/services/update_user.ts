import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import type { SystemRole } from '#identity/roles'
import {
  assertMayChangeUser,
  assertMayGrantSystemRole,
  isUniqueViolation,
  type AdminScope,
} from '#identity/services/resolve_admin_scope'
import { findUserInScope, loadVisibleMemberships } from '#identity/services/get_user'
import { assertEmailFree } from '#identity/services/create_user'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'

export type UpdateUserInput = { email?: string; fullName?: string; systemRole?: SystemRole | null }

/**
 * Changes a user's name, email or system role. Audited `user.update` with
 * the changed fields (old and new role when the system role changes);
 * nothing is recorded when nothing changes. You cannot change your own
 * system role (so no admin locks themselves out).
 */
export async function updateUser(scope: AdminScope, id: number, input: UpdateUserInput): Promise<UserRecord> {
  try {
    return await db.transaction(async (trx) => {
      const user = await findUserInScope(scope, id, trx)
      assertMayChangeUser(scope, user)

      const changes: Record<string, { from: unknown; to: unknown }> = {}
      if (input.email !== undefined && input.email !== user.email) {
        await assertEmailFree(input.email, trx, user.id)
        changes.email = { from: user.email, to: input.email }
        user.email = input.email
      }
      if (input.fullName !== undefined && input.fullName !== user.fullName) {
        changes.fullName = { from: user.fullName, to: input.fullName }
        user.fullName = input.fullName
      }
      const oldRole = user.systemRole
      if (input.systemRole !== undefined && input.systemRole !== oldRole) {
        if (user.id === scope.userId) {
          throw AppError.unprocessable('CANNOT_CHANGE_OWN_ROLE', 'You cannot change your own system role', { field: 'systemRole' })
        }
        assertMayGrantSystemRole(scope, input.systemRole, oldRole)
        changes.systemRole = { from: oldRole, to: input.systemRole }
        user.systemRole = input.systemRole
      }

      if (Object.keys(changes).length > 0) {
        await user.useTransaction(trx).save()
        const roleChange = changes.systemRole ? { oldRole, newRole: user.systemRole } : {}
        await recordAuditEvent(
          {
            ...scope.audit,
            clinicId: scope.tenantClinicId,
            action: 'user.update',
            outcome: 'success',
            resourceType: 'user',
            resourceId: user.id,
            metadata: { fields: Object.keys(changes), changes, ...roleChange },
          },
          { trx }
        )
      }
      return serializeUser(user, await loadVisibleMemberships(scope, user, trx))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.conflict('DUPLICATE_EMAIL', 'A user with this email already exists', { field: 'email' })
    throw error
  }
}
