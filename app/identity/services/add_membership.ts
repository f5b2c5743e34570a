import db from '@adonisjs/lucid/services/db'
import { AppError } from '#kernel/index'
import Membership from '#identity/models/membership'
import type { ClinicRole } from '#identity/roles'
import { assertMayChangeUser, isUniqueViolation, type AdminScope } from '#identity/services/resolve_admin_scope'
import { findUserInScope } from '#identity/services/get_user'
import { findMembershipClinic } from '#identity/services/create_user'
import { serializeMembership, type MembershipRecord } from '#identity/services/serialize_admin_records'
import { insertMembership } from '#identity/services/insert_membership'

/**
 * Gives a user a role in a clinic: any clinic for system admins, only the
 * active clinic for a clinic admin (else 404 CLINIC_NOT_FOUND). 409
 * DUPLICATE_MEMBERSHIP when the user already has one there. Audited
 * `membership.create`.
 */
export async function addMembership(scope: AdminScope, userId: number, input: { clinicId: number; role: ClinicRole }): Promise<MembershipRecord> {
  try {
    return await db.transaction(async (trx) => {
      const user = await findUserInScope(scope, userId, trx)
      assertMayChangeUser(scope, user)
      const clinic = await findMembershipClinic(scope, input.clinicId, trx)
      const existing = await Membership.query({ client: trx }).where('user_id', user.id).where('clinic_id', clinic.id).first()
      if (existing) throw duplicateMembership()

      const membership = await insertMembership(scope, user, clinic, input.role, trx)
      membership.$setRelated('clinic', clinic)
      return serializeMembership(membership)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateMembership()
    throw error
  }
}

function duplicateMembership() {
  return AppError.conflict('DUPLICATE_MEMBERSHIP', 'This user already has a role in this clinic', { field: 'clinicId' })
}
