import '#identity/http/inertia_pages_auth'
import type { HttpContext } from '@adonisjs/core/http'
import { recordAuditEvent } from '#audit/index'
import { validateRequest } from '#kernel/index'
import { loginSchema } from '#identity/validators/auth_validators'
import { attemptLogin, recordPasswordStepPassed, recordSuccessfulLogin } from '#identity/services/attempt_login'
import { isFirstRun } from '#identity/services/setup_first_run'
import { PENDING_TOTP_SECRET_KEY } from '#identity/services/enable_two_factor'
import { SESSION_KEYS } from '#identity/services/session_keys'
import { requestMeta, userActor } from '#identity/services/request_meta'
import { startConsoleSession } from '#identity/services/start_console_session'

/** Console sign-in (email and password, then the 2FA code when set up) and sign-out. */
export default class SessionController {
  /** The sign-in page; the first-run setup page while no user exists. */
  async create({ auth, inertia, request, response }: HttpContext) {
    if (await isFirstRun()) return response.redirect('/setup')
    if (await auth.use('web').check()) return response.redirect('/dashboard')
    return inertia.render('identity/login', { notice: request.qs().reason === 'idle' ? 'idle' : null })
  }

  async store(ctx: HttpContext) {
    const { body } = validateRequest(ctx, loginSchema)
    const meta = requestMeta(ctx)
    const user = await attemptLogin(body, meta)

    /* A new sign-in starts from a clean slate: nothing of an earlier one carries over. */
    const guard = ctx.auth.use('web')
    if (await guard.check()) await guard.logout()
    for (const key of [...Object.values(SESSION_KEYS), PENDING_TOTP_SECRET_KEY]) ctx.session.forget(key)
    ctx.session.regenerate()

    if (user.totpEnabledAt) {
      await recordPasswordStepPassed(user, meta)
      ctx.session.put(SESSION_KEYS.pendingTwoFactorUserId, user.id)
      return ctx.response.redirect('/login/two-factor')
    }

    await startConsoleSession(ctx, user, { twoFactorPassed: false })
    await recordSuccessfulLogin(user, 'auth.login', meta, { twoFactor: false })
    return ctx.response.redirect('/dashboard')
  }

  /** Signs out (audited) and forgets everything the session held. Works from any state. */
  async destroy(ctx: HttpContext) {
    const guard = ctx.auth.use('web')
    if (await guard.check()) {
      const user = guard.getUserOrFail()
      await recordAuditEvent({
        action: 'auth.logout',
        outcome: 'success',
        actor: userActor(user),
        clinicId: (ctx.session.get(SESSION_KEYS.clinicId) as number | undefined) ?? null,
        resourceType: 'user',
        resourceId: user.id,
        ...requestMeta(ctx),
        metadata: { reason: 'user' },
      })
      await guard.logout()
    }
    ctx.session.clear()
    ctx.session.regenerate()
    return ctx.response.redirect('/login')
  }
}
