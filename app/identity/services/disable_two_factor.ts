import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, ValidationError, type ValidationIssue } from '#kernel/index'
import type User from '#identity/models/user'
import { requiresTwoFactor } from '#identity/services/two_factor_policy'
import { decryptTotpSecret, totpCodeMatches } from '#identity/services/totp'
import type { AuditRequestContext } from '#identity/services/request_meta'

/**
 * Turns TOTP 2FA off, after the password and a current code. Refused with
 * 409 TWO_FACTOR_REQUIRED for users whose role requires 2FA.
 */
export async function disableTwoFactor(user: User, input: { password: string; code: string }, audit: AuditRequestContext) {
  if (!user.totpEnabledAt) throw AppError.conflict('TWO_FACTOR_NOT_ENABLED', 'Two-factor authentication is not on')
  if (await requiresTwoFactor(user)) {
    throw AppError.conflict('TWO_FACTOR_REQUIRED', 'Your role requires two-factor authentication; it cannot be turned off')
  }

  const issues: ValidationIssue[] = []
  if (!(await hash.verify(user.password, input.password))) {
    issues.push({ location: 'body', field: 'password', rule: 'password', message: 'The password is not correct' })
  }
  const secret = decryptTotpSecret(user.totpSecret)
  if (!secret || !totpCodeMatches(secret, input.code)) {
    issues.push({ location: 'body', field: 'code', rule: 'totp', message: 'The code is not correct' })
  }
  if (issues.length > 0) {
    await recordAuditEvent({
      ...audit,
      action: 'user.2fa.disable',
      outcome: 'failure',
      resourceType: 'user',
      resourceId: user.id,
      metadata: { reason: issues.map((issue) => `invalid_${issue.field}`).join(',') },
    })
    throw new ValidationError(issues)
  }

  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.totpSecret = null
    user.totpEnabledAt = null
    await user.save()
    await recordAuditEvent({ ...audit, action: 'user.2fa.disable', outcome: 'success', resourceType: 'user', resourceId: user.id }, { trx })
  })
}
