import Membership from '#identity/models/membership'
import { ROLES_REQUIRING_2FA, type Role } from '#identity/roles'
import type User from '#identity/models/user'

/** Whether any role the user holds (system-wide or in a clinic) requires 2FA. */
export async function requiresTwoFactor(user: User): Promise<boolean> {
  if (user.systemRole && ROLES_REQUIRING_2FA.includes(user.systemRole)) return true
  const memberships = await Membership.query().where('user_id', user.id).select('role')
  return memberships.some((membership) => ROLES_REQUIRING_2FA.includes(membership.role as Role))
}
