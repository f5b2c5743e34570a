import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { assertMayChangeUser, type AdminScope } from '#identity/services/resolve_admin_scope'
import { findUserInScope, loadVisibleMemberships } from '#identity/services/get_user'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'

/** Lifts a sign-in lockout: clears locked_until and the failed sign-in count. Audited `user.unlock`. */
export async function unlockUser(scope: AdminScope, id: number): Promise<UserRecord> {
  return db.transaction(async (trx) => {
    const user = await findUserInScope(scope, id, trx)
    assertMayChangeUser(scope, user)

    const wasLockedUntil = user.lockedUntil?.toUTC().toISO() ?? null
    const failedLoginCount = user.failedLoginCount
    user.lockedUntil = null
    user.failedLoginCount = 0
    await user.useTransaction(trx).save()
    await recordAuditEvent(
      {
        ...scope.audit,
        clinicId: scope.tenantClinicId,
        action: 'user.unlock',
        outcome: 'success',
        resourceType: 'user',
        resourceId: user.id,
        metadata: { email: user.email, wasLockedUntil, failedLoginCount },
      },
      { trx }
    )
    return serializeUser(user, await loadVisibleMemberships(scope, user, trx))
  })
}
