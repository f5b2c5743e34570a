import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent, SYSTEM_ACTOR } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import { findUserByEmail } from '#identity/services/attempt_login'
import { validatePassword } from '#identity/services/validate_password'

/**
 * Break-glass password reset from the command line: sets a new password
 * (policy-checked) and clears any lockout. Audited `admin.reset_password`
 * with actor system. Unknown emails answer 404 USER_NOT_FOUND.
 */
export async function resetPassword(email: string, password: string) {
  const user = await findUserByEmail(email)
  if (!user) throw AppError.notFound('USER_NOT_FOUND', `No user has the email ${email.trim()}`)
  validatePassword(password, user.email)

  const wasLocked = user.lockedUntil !== null && user.lockedUntil > clock.now()
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.password = password
    user.passwordChangedAt = clock.now()
    user.failedLoginCount = 0
    user.lockedUntil = null
    await user.save()
    await recordAuditEvent(
      {
        action: 'admin.reset_password',
        outcome: 'success',
        actor: SYSTEM_ACTOR,
        resourceType: 'user',
        resourceId: user.id,
        metadata: { via: 'cli', unlocked: wasLocked },
      },
      { trx }
    )
  })
  return user
}
