import '#identity/http/inertia_pages_auth'
import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import User from '#identity/models/user'
import { disableTwoFactorSchema, twoFactorCodeSchema } from '#identity/validators/auth_validators'
import { auditContext } from '#identity/services/audit_context'
import { INVALID_CREDENTIALS_MESSAGE } from '#identity/services/attempt_login'
import { TwoFactorChallengeEnded, verifyTwoFactor } from '#identity/services/verify_two_factor'
import { enableTwoFactor, PENDING_TOTP_SECRET_KEY } from '#identity/services/enable_two_factor'
import { disableTwoFactor } from '#identity/services/disable_two_factor'
import { requiresTwoFactor } from '#identity/services/two_factor_policy'
import { decryptTotpSecret, encryptTotpSecret, newTotpSecret, totpEnrolment } from '#identity/services/totp'
import { SESSION_KEYS } from '#identity/services/session_keys'
import { requestMeta } from '#identity/services/request_meta'
import { startConsoleSession } from '#identity/services/start_console_session'

/** TOTP two-factor authentication: the sign-in challenge, and turning it on and off. */
export default class TwoFactorController {
  /** The code page of the second sign-in step. */
  async challenge(ctx: HttpContext) {
    const user = await this.#challengedUser(ctx)
    if (!user) return ctx.response.redirect('/login')
    return ctx.inertia.render('identity/two_factor_challenge', { email: user.email })
  }

  async verify(ctx: HttpContext) {
    const { body } = validateRequest(ctx, twoFactorCodeSchema)
    const user = await this.#challengedUser(ctx)
    if (!user) return ctx.response.redirect('/login')

    try {
      await verifyTwoFactor(user, body.code, requestMeta(ctx))
    } catch (error) {
      if (!(error instanceof TwoFactorChallengeEnded)) throw error
      /* Locked (possibly by this very attempt) or disabled: start over, with the usual answer. */
      const guard = ctx.auth.use('web')
      if (await guard.check()) await guard.logout()
      ctx.session.clear()
      ctx.session.flash('error', INVALID_CREDENTIALS_MESSAGE)
      ctx.session.flash('errorCode', 'INVALID_CREDENTIALS')
      return ctx.response.redirect('/login')
    }

    ctx.session.forget(SESSION_KEYS.pendingTwoFactorUserId)
    await startConsoleSession(ctx, user, { twoFactorPassed: true })
    return ctx.response.redirect('/dashboard')
  }

  /** My account's 2FA page: the status, and while off, a new secret to enrol (kept in the session). */
  async show(ctx: HttpContext) {
    const user = ctx.actor.user!
    let enrolment = null
    if (!user.totpEnabledAt) {
      let secret = decryptTotpSecret(ctx.session.get(PENDING_TOTP_SECRET_KEY) as string | undefined)
      if (!secret) {
        secret = newTotpSecret()
        ctx.session.put(PENDING_TOTP_SECRET_KEY, encryptTotpSecret(secret))
      }
      enrolment = { secret, ...(await totpEnrolment(secret, user.email)) }
    }
    return ctx.inertia.render('identity/two_factor_setup', {
      enabled: user.totpEnabledAt !== null,
      enabledAt: user.totpEnabledAt?.toISO() ?? null,
      required: await requiresTwoFactor(user),
      enrolment,
    })
  }

  async enable(ctx: HttpContext) {
    const { body } = validateRequest(ctx, twoFactorCodeSchema)
    const pending = decryptTotpSecret(ctx.session.get(PENDING_TOTP_SECRET_KEY) as string | undefined)
    await enableTwoFactor(ctx.actor.user!, pending, body.code, auditContext(ctx))
    ctx.session.forget(PENDING_TOTP_SECRET_KEY)
    ctx.session.put(SESSION_KEYS.twoFactorPassed, true)
    ctx.session.flash('success', 'Two-factor authentication is on')
    return ctx.response.redirect('/account/two-factor')
  }

  async disable(ctx: HttpContext) {
    const { body } = validateRequest(ctx, disableTwoFactorSchema)
    await disableTwoFactor(ctx.actor.user!, body, auditContext(ctx))
    ctx.session.forget(SESSION_KEYS.twoFactorPassed)
    ctx.session.flash('success', 'Two-factor authentication is off')
    return ctx.response.redirect('/account/two-factor')
  }

  /**
   * Who the challenge is for: the user whose password was just accepted, or
   * a signed-in user with 2FA whose session has not passed it yet.
   */
  async #challengedUser(ctx: HttpContext): Promise<User | null> {
    const pendingId = ctx.session.get(SESSION_KEYS.pendingTwoFactorUserId) as number | undefined
    if (typeof pendingId === 'number') {
      const user = await User.find(pendingId)
      return user?.totpEnabledAt ? user : null
    }
    const guard = ctx.auth.use('web')
    if (!(await guard.check())) return null
    const user = guard.getUserOrFail()
    return user.totpEnabledAt && !ctx.session.get(SESSION_KEYS.twoFactorPassed) ? user : null
  }
}
