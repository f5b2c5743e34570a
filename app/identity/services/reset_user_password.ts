import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { clock } from '#kernel/index'
import { validatePassword } from '#identity/services/validate_password'
import { assertMayChangeUser, type AdminScope } from '#identity/services/resolve_admin_scope'
import { findUserInScope, loadVisibleMemberships } from '#identity/services/get_user'
import { endUserSessions } from '#identity/services/end_user_sessions'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'

/**
 * An admin sets a new password for a user (the password policy applies).
 * The user's other console sessions end. Audited `user.password.reset`,
 * without the password.
 */
export async function resetUserPassword(scope: AdminScope, id: number, password: string): Promise<UserRecord> {
  const record = await db.transaction(async (trx) => {
    const user = await findUserInScope(scope, id, trx)
    assertMayChangeUser(scope, user)
    validatePassword(password, user.email)

    user.password = password
    user.passwordChangedAt = clock.now()
    await user.useTransaction(trx).save()
    await recordAuditEvent(
      {
        ...scope.audit,
        clinicId: scope.tenantClinicId,
        action: 'user.password.reset',
        outcome: 'success',
        resourceType: 'user',
        resourceId: user.id,
        metadata: { email: user.email },
      },
      { trx }
    )
    return serializeUser(user, await loadVisibleMemberships(scope, user, trx))
  })
  if (id !== scope.userId) await endUserSessions(id)
  return record
}
