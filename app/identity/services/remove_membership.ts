import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { findMembershipInScope } from '#identity/services/find_membership_in_scope'

/** Takes a user's role in a clinic away. Audited `membership.delete` with the role they had. */
export async function removeMembership(scope: AdminScope, userId: number, membershipId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const { membership } = await findMembershipInScope(scope, userId, membershipId, trx)
    await membership.useTransaction(trx).delete()
    await recordAuditEvent(
      {
        ...scope.audit,
        clinicId: membership.clinicId,
        action: 'membership.delete',
        outcome: 'success',
        resourceType: 'membership',
        resourceId: membership.id,
        metadata: { userId, clinicId: membership.clinicId, oldRole: membership.role },
      },
      { trx }
    )
  })
}
