import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import type User from '#identity/models/user'
import { isLocked, recordSuccessfulLogin, registerFailedLogin } from '#identity/services/attempt_login'
import { countFailedLogin, loginThrottled, tooManyAttempts } from '#identity/services/login_throttle'
import { decryptTotpSecret, totpCodeMatches } from '#identity/services/totp'
import { userActor, type RequestMeta } from '#identity/services/request_meta'

export class TwoFactorChallengeEnded extends Error {}

/**
 * The second sign-in step for users with TOTP 2FA. A wrong code answers
 * 401 INVALID_CODE and counts towards the account's lockout (and the IP's
 * throttle); a locked or disabled account ends the challenge
 * (TwoFactorChallengeEnded: back to the sign-in page). Success is audited
 * `auth.2fa.verify`.
 */
export async function verifyTwoFactor(user: User, code: string, request: RequestMeta) {
  const throttled = await loginThrottled(request.ip ?? 'unknown', null)
  if (throttled) {
    await recordChallengeFailure(user, request, { reason: 'throttled', scope: throttled.scope })
    throw tooManyAttempts(throttled)
  }

  if (isLocked(user) || user.disabledAt) {
    await recordChallengeFailure(user, request, { reason: user.disabledAt ? 'disabled' : 'locked' })
    throw new TwoFactorChallengeEnded()
  }

  const secret = decryptTotpSecret(user.totpSecret)
  if (!secret || !totpCodeMatches(secret, code)) {
    await countFailedLogin(request.ip ?? 'unknown', null)
    const locked = await registerFailedLogin(user, 'auth.2fa.verify', 'invalid_code', request)
    if (locked) throw new TwoFactorChallengeEnded()
    throw new AppError('INVALID_CODE', 'The code is not correct', 401)
  }

  await recordSuccessfulLogin(user, 'auth.2fa.verify', request)
}

/** A 2FA step refused before the code was checked (throttled, locked, disabled), audited `auth.2fa.verify`. */
function recordChallengeFailure(user: User, request: RequestMeta, metadata: Record<string, unknown>) {
  return recordAuditEvent({
    action: 'auth.2fa.verify',
    outcome: 'failure',
    actor: userActor(user),
    resourceType: 'user',
    resourceId: user.id,
    ...request,
    metadata,
  })
}
