import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { clock, ValidationError } from '#kernel/index'
import type User from '#identity/models/user'
import { validatePassword } from '#identity/services/validate_password'
import type { AuditRequestContext } from '#identity/services/request_meta'

/**
 * Changes the signed-in user's own password after checking the current
 * one. The new one must meet the password policy and differ from the
 * current one. Other sessions stay signed in.
 */
export async function changePassword(user: User, input: { currentPassword: string; password: string }, audit: AuditRequestContext) {
  if (!(await hash.verify(user.password, input.currentPassword))) {
    await recordAuditEvent({
      ...audit,
      action: 'user.password.change',
      outcome: 'failure',
      resourceType: 'user',
      resourceId: user.id,
      metadata: { reason: 'invalid_current_password' },
    })
    throw fieldError('currentPassword', 'The current password is not correct')
  }
  validatePassword(input.password, user.email)
  if (input.password === input.currentPassword) {
    throw fieldError('password', 'Choose a password different from the current one')
  }

  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.password = input.password
    user.passwordChangedAt = clock.now()
    await user.save()
    await recordAuditEvent(
      { ...audit, action: 'user.password.change', outcome: 'success', resourceType: 'user', resourceId: user.id },
      { trx }
    )
  })
}

function fieldError(field: string, message: string) {
  return new ValidationError([{ location: 'body', field, rule: 'password', message }])
}
