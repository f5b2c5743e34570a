import { AppError } from '#kernel/index'
import { isSystemRole, permissionsOf, type Permission, type Role } from '#identity/roles'
import Clinic from '#identity/models/clinic'
import Membership from '#identity/models/membership'
import type User from '#identity/models/user'

export interface UserAccess {
  clinicId: number | null
  role: Role | null
  permissions: Set<Permission>
}

/**
 * The clinic a user acts in and what they may do there. System roles
 * (super_admin, it_admin) reach every clinic; everyone else only the clinics
 * of their memberships. Asking for any other clinic answers 404, as if it
 * did not exist. Without a requested clinic, the first membership is used.
 */
export async function resolveUserAccess(user: User, requestedClinicId: number | null): Promise<UserAccess> {
  if (user.systemRole && isSystemRole(user.systemRole)) {
    let clinicId = requestedClinicId
    if (clinicId !== null && !(await Clinic.find(clinicId))) throw clinicNotFound()
    if (clinicId === null) clinicId = (await Clinic.query().orderBy('id').first())?.id ?? null
    return { clinicId, role: user.systemRole, permissions: new Set(permissionsOf(user.systemRole)) }
  }

  const query = Membership.query().where('user_id', user.id).orderBy('clinic_id')
  if (requestedClinicId !== null) query.where('clinic_id', requestedClinicId)
  const membership = await query.first()
  if (!membership) {
    if (requestedClinicId !== null) throw clinicNotFound()
    return { clinicId: null, role: null, permissions: new Set() }
  }
  return { clinicId: membership.clinicId, role: membership.role, permissions: new Set(permissionsOf(membership.role)) }
}

function clinicNotFound() {
  return AppError.notFound('CLINIC_NOT_FOUND', 'No clinic with this id')
}
