import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AppError } from '#kernel/index'
import Membership from '#identity/models/membership'
import { assertMayChangeUser, type AdminScope } from '#identity/services/resolve_admin_scope'
import { findUserInScope } from '#identity/services/get_user'

/**
 * A membership of the user that the scope may change, locked for update:
 * 404 USER_NOT_FOUND / MEMBERSHIP_NOT_FOUND for anything outside the
 * admin's clinic. Nobody but a system admin changes their own membership
 * (a clinic admin would lock themselves out).
 */
export async function findMembershipInScope(scope: AdminScope, userId: number, membershipId: number, trx: TransactionClientContract) {
  const user = await findUserInScope(scope, userId, trx)
  assertMayChangeUser(scope, user)
  const query = Membership.query({ client: trx }).where('id', membershipId).where('user_id', user.id).preload('clinic').forUpdate()
  if (scope.tenantClinicId !== null) query.where('clinic_id', scope.tenantClinicId)
  const membership = await query.first()
  if (!membership) throw AppError.notFound('MEMBERSHIP_NOT_FOUND', 'No membership with this id')
  if (user.id === scope.userId && scope.systemRole === null) {
    throw AppError.unprocessable('CANNOT_CHANGE_OWN_MEMBERSHIP', 'You cannot change your own role in a clinic')
  }
  return { user, membership }
}
