import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import User from '#identity/models/user'
import { clearAccountAttempts, countFailedLogin, loginThrottled, tooManyAttempts } from '#identity/services/login_throttle'
import { ANONYMOUS_ACTOR, userActor, type RequestMeta } from '#identity/services/request_meta'

/** Consecutive failed sign-ins (passwords or 2FA codes) that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 10
export const LOCKOUT_MINUTES = 30

/** One answer for unknown emails, wrong passwords, disabled and locked accounts: no user enumeration. */
export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect'

export function invalidCredentials() {
  return new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE, 401)
}

export type LoginFailureReason = 'unknown_email' | 'invalid_password' | 'disabled' | 'locked' | 'throttled'

export function findUserByEmail(email: string) {
  return User.query().whereRaw('lower(email) = ?', [email.trim().toLowerCase()]).first()
}

export function isLocked(user: User): boolean {
  return user.lockedUntil !== null && user.lockedUntil > clock.now()
}

/**
 * Checks an email and password. Returns the user when both match an
 * enabled, unlocked account; otherwise throws 401 INVALID_CREDENTIALS (the
 * same answer for every reason; the real one goes to the audit log) or 429
 * TOO_MANY_ATTEMPTS past the IP or account limits. A wrong password counts
 * towards the account's lockout. Does not complete the sign-in: the caller
 * does, or asks for the 2FA code first.
 */
export async function attemptLogin(input: { email: string; password: string }, request: RequestMeta): Promise<User> {
  const email = input.email.trim().toLowerCase()
  const user = await findUserByEmail(email)

  const throttled = await loginThrottled(request.ip ?? 'unknown', email)
  if (throttled) {
    await recordLoginFailure(user, 'throttled', request, { scope: throttled.scope })
    throw tooManyAttempts(throttled)
  }

  /* Unknown emails still cost one hash, so timing does not tell them apart. */
  const passwordMatches = user ? await hash.verify(user.password, input.password) : (await hash.make(input.password), false)

  let reason: LoginFailureReason | null = null
  if (!user) reason = 'unknown_email'
  else if (isLocked(user)) reason = 'locked'
  else if (user.disabledAt) reason = 'disabled'
  else if (!passwordMatches) reason = 'invalid_password'

  if (reason !== null) {
    await countFailedLogin(request.ip ?? 'unknown', email)
    if (reason === 'invalid_password') await registerFailedLogin(user!, 'auth.login', 'invalid_password', request)
    else await recordLoginFailure(user, reason, request)
    throw invalidCredentials()
  }

  await clearAccountAttempts(email)
  return user!
}

async function recordLoginFailure(user: User | null, reason: LoginFailureReason, request: RequestMeta, extra: Record<string, unknown> = {}) {
  await recordAuditEvent({
    action: 'auth.login',
    outcome: 'failure',
    actor: user ? userActor(user) : ANONYMOUS_ACTOR,
    resourceType: user ? 'user' : null,
    resourceId: user?.id ?? null,
    ...request,
    metadata: { reason, ...extra },
  })
}

/**
 * Counts one failed sign-in step (wrong password, wrong 2FA code) on the
 * account and audits it under `action`; the LOCKOUT_THRESHOLD-th in a row
 * locks the account for LOCKOUT_MINUTES (audited `auth.lockout`).
 * Returns whether this failure locked the account.
 */
export async function registerFailedLogin(user: User, action: string, reason: string, request: RequestMeta): Promise<boolean> {
  return db.transaction(async (trx) => {
    const updated = await trx.rawQuery(
      'update users set failed_login_count = failed_login_count + 1, updated_at = now() where id = ? returning failed_login_count',
      [user.id]
    )
    const failedLoginCount = Number(updated.rows[0].failed_login_count)
    await recordAuditEvent(
      {
        action,
        outcome: 'failure',
        actor: userActor(user),
        resourceType: 'user',
        resourceId: user.id,
        ...request,
        metadata: { reason, failedLoginCount },
      },
      { trx }
    )
    if (failedLoginCount < LOCKOUT_THRESHOLD) return false

    const lockedUntil = clock.now().plus({ minutes: LOCKOUT_MINUTES })
    await trx.from('users').where('id', user.id).update({ locked_until: lockedUntil.toJSDate(), failed_login_count: 0, updated_at: new Date() })
    await recordAuditEvent(
      {
        action: 'auth.lockout',
        outcome: 'success',
        actor: userActor(user),
        resourceType: 'user',
        resourceId: user.id,
        ...request,
        metadata: { failedAttempts: failedLoginCount, lockedUntil: lockedUntil.toISO(), minutes: LOCKOUT_MINUTES },
      },
      { trx }
    )
    return true
  })
}

/**
 * The password was right but the account has 2FA: audited `auth.login`
 * with the second step pending. Nothing is reset until the code is right.
 */
export async function recordPasswordStepPassed(user: User, request: RequestMeta) {
  await recordAuditEvent({
    action: 'auth.login',
    outcome: 'success',
    actor: userActor(user),
    resourceType: 'user',
    resourceId: user.id,
    ...request,
    metadata: { twoFactor: 'pending' },
  })
}

/**
 * A completed sign-in (password alone, or password then 2FA code): the
 * failure count starts over, the time is kept, and it is audited as `action`.
 */
export async function recordSuccessfulLogin(user: User, action: string, request: RequestMeta, metadata: Record<string, unknown> = {}) {
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.failedLoginCount = 0
    user.lastLoginAt = clock.now()
    await user.save()
    await recordAuditEvent(
      { action, outcome: 'success', actor: userActor(user), resourceType: 'user', resourceId: user.id, ...request, metadata },
      { trx }
    )
  })
}
