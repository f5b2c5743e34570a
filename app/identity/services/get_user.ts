import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AppError } from '#kernel/index'
import User from '#identity/models/user'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'

/**
 * A user the scope may see, or 404 USER_NOT_FOUND: a clinic-scoped admin
 * sees only users with a membership in their clinic, as if no one else
 * existed. Pass `trx` to lock the row for a change.
 */
export async function findUserInScope(scope: AdminScope, id: number, trx?: TransactionClientContract): Promise<User> {
  const query = User.query(trx ? { client: trx } : {}).where('id', id)
  if (scope.tenantClinicId !== null) {
    const clinicId = scope.tenantClinicId
    query.whereExists((memberships) =>
      memberships.from('memberships').whereColumn('memberships.user_id', 'users.id').where('memberships.clinic_id', clinicId)
    )
  }
  if (trx) query.forUpdate()
  const user = await query.first()
  if (!user) throw AppError.notFound('USER_NOT_FOUND', 'No user with this id')
  return user
}

/** The user's memberships the scope may see (only its own clinic's for a clinic admin), with clinic names. */
export async function loadVisibleMemberships(scope: AdminScope, user: User, trx?: TransactionClientContract) {
  const query = user.related('memberships').query().preload('clinic').orderBy('clinic_id')
  if (trx) query.useTransaction(trx)
  if (scope.tenantClinicId !== null) query.where('clinic_id', scope.tenantClinicId)
  return query
}

/** One user as the scope may see them, with their visible memberships. */
export async function getUser(scope: AdminScope, id: number): Promise<UserRecord> {
  const user = await findUserInScope(scope, id)
  return serializeUser(user, await loadVisibleMemberships(scope, user))
}
