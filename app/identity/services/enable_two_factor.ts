import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock, ValidationError } from '#kernel/index'
import type User from '#identity/models/user'
import { encryptTotpSecret, totpCodeMatches } from '#identity/services/totp'
import type { AuditRequestContext } from '#identity/services/request_meta'

/** Session key of the secret being enrolled (encrypted), between the setup page and its confirmation. */
export const PENDING_TOTP_SECRET_KEY = 'identity.pendingTotpSecret'

/**
 * Turns on TOTP 2FA for the user once a code from their authenticator app
 * proves they hold the pending secret. The secret is stored encrypted.
 */
export async function enableTwoFactor(user: User, pendingSecret: string | null, code: string, audit: AuditRequestContext) {
  if (user.totpEnabledAt) throw AppError.conflict('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor authentication is already on')
  if (!pendingSecret) {
    throw AppError.conflict('TWO_FACTOR_SETUP_EXPIRED', 'The setup expired; open the two-factor page again and scan the new code')
  }
  if (!totpCodeMatches(pendingSecret, code)) {
    throw new ValidationError([{ location: 'body', field: 'code', rule: 'totp', message: 'The code is not correct' }])
  }

  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.totpSecret = encryptTotpSecret(pendingSecret)
    user.totpEnabledAt = clock.now()
    await user.save()
    await recordAuditEvent({ ...audit, action: 'user.2fa.enable', outcome: 'success', resourceType: 'user', resourceId: user.id }, { trx })
  })
}
