import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAuditEvent } from '#audit/index'
import Membership from '#identity/models/membership'
import type Clinic from '#identity/models/clinic'
import type User from '#identity/models/user'
import type { ClinicRole } from '#identity/roles'
import type { AdminScope } from '#identity/services/resolve_admin_scope'

/** Writes a membership and its `membership.create` audit event in the caller's transaction. */
export async function insertMembership(scope: AdminScope, user: User, clinic: Clinic, role: ClinicRole, trx: TransactionClientContract) {
  const membership = await Membership.create({ userId: user.id, clinicId: clinic.id, role }, { client: trx })
  await recordAuditEvent(
    {
      ...scope.audit,
      clinicId: clinic.id,
      action: 'membership.create',
      outcome: 'success',
      resourceType: 'membership',
      resourceId: membership.id,
      metadata: { userId: user.id, clinicId: clinic.id, role: membership.role },
    },
    { trx }
  )
  return membership
}
