import User from '#identity/models/user'
import { isSystemRole, type Role } from '#identity/roles'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { escapeLike } from '#identity/services/escape_like'
import { pageMeta, serializeUser, type Page, type UserRecord } from '#identity/services/serialize_admin_records'

export type ListUsersInput = { page: number; perPage: number; q?: string; role?: Role }

/**
 * Users the scope may see, by email: all of them for system admins, those
 * with a membership in the active clinic for a clinic admin. `q` matches
 * email or name (case-insensitive, taken literally); `role` is a system
 * role or a clinic role (held in the admin's clinic when clinic-scoped).
 */
export async function listUsers(scope: AdminScope, input: ListUsersInput): Promise<Page<UserRecord>> {
  const tenant = scope.tenantClinicId
  const query = User.query().orderBy('email')

  if (tenant !== null) {
    query.whereExists((memberships) =>
      memberships.from('memberships').whereColumn('memberships.user_id', 'users.id').where('memberships.clinic_id', tenant)
    )
  }
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`
    query.where((search) => search.whereILike('email', pattern).orWhereILike('full_name', pattern))
  }
  if (input.role && isSystemRole(input.role)) {
    query.where('system_role', input.role)
  } else if (input.role) {
    const role = input.role
    query.whereExists((memberships) => {
      memberships.from('memberships').whereColumn('memberships.user_id', 'users.id').where('memberships.role', role)
      if (tenant !== null) memberships.where('memberships.clinic_id', tenant)
    })
  }
  query.preload('memberships', (memberships) => {
    memberships.preload('clinic').orderBy('clinic_id')
    if (tenant !== null) memberships.where('clinic_id', tenant)
  })

  const paginator = await query.paginate(input.page, input.perPage)
  return { data: paginator.all().map((user) => serializeUser(user)), meta: pageMeta(paginator) }
}
