import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import { assertMayChangeUser, type AdminScope } from '#identity/services/resolve_admin_scope'
import { findUserInScope, loadVisibleMemberships } from '#identity/services/get_user'
import { endUserSessions } from '#identity/services/end_user_sessions'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'

/**
 * Disables a user (they can no longer sign in, and their sessions, tokens
 * and requests are turned away) or enables them again. You cannot disable
 * yourself. Audited `user.disable` / `user.enable`; doing it twice changes
 * and records nothing the second time.
 */
export async function setUserDisabled(scope: AdminScope, id: number, disabled: boolean): Promise<UserRecord> {
  let ended = false
  const record = await db.transaction(async (trx) => {
    const user = await findUserInScope(scope, id, trx)
    if (disabled && user.id === scope.userId) {
      throw AppError.unprocessable('CANNOT_DISABLE_SELF', 'You cannot disable your own account')
    }
    assertMayChangeUser(scope, user)

    if ((user.disabledAt !== null) !== disabled) {
      user.disabledAt = disabled ? clock.now() : null
      await user.useTransaction(trx).save()
      await recordAuditEvent(
        {
          ...scope.audit,
          clinicId: scope.tenantClinicId,
          action: disabled ? 'user.disable' : 'user.enable',
          outcome: 'success',
          resourceType: 'user',
          resourceId: user.id,
          metadata: { email: user.email },
        },
        { trx }
      )
      ended = disabled
    }
    return serializeUser(user, await loadVisibleMemberships(scope, user, trx))
  })
  if (ended) await endUserSessions(id)
  return record
}
