import Clinic from '#identity/models/clinic'
import type User from '#identity/models/user'

/** The clinics a user can switch to: all of them for system roles, else their memberships'. */
export async function listUserClinics(user: User): Promise<{ id: number; name: string }[]> {
  const query = Clinic.query().select('id', 'name').orderBy('name')
  if (!user.systemRole) {
    query.whereIn('id', (memberships) => memberships.from('memberships').select('clinic_id').where('user_id', user.id))
  }
  const clinics = await query
  return clinics.map((clinic) => ({ id: clinic.id, name: clinic.name }))
}
