import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import type { ClinicRole } from '#identity/roles'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { findMembershipInScope } from '#identity/services/find_membership_in_scope'
import { serializeMembership, type MembershipRecord } from '#identity/services/serialize_admin_records'

/** Changes a user's role in a clinic. Audited `membership.update` with the old and new role. */
export async function changeMembershipRole(scope: AdminScope, userId: number, membershipId: number, role: ClinicRole): Promise<MembershipRecord> {
  return db.transaction(async (trx) => {
    const { membership } = await findMembershipInScope(scope, userId, membershipId, trx)
    const oldRole = membership.role
    if (oldRole !== role) {
      membership.role = role
      await membership.useTransaction(trx).save()
      await recordAuditEvent(
        {
          ...scope.audit,
          clinicId: membership.clinicId,
          action: 'membership.update',
          outcome: 'success',
          resourceType: 'membership',
          resourceId: membership.id,
          metadata: { userId, clinicId: membership.clinicId, oldRole, newRole: role },
        },
        { trx }
      )
    }
    return serializeMembership(membership)
  })
}
