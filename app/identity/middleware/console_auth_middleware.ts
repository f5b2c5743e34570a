import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import env from '#start/env'
import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import { resolveUserAccess } from '#identity/services/resolve_user_access'
import { requiresTwoFactor } from '#identity/services/two_factor_policy'
import { SESSION_KEYS } from '#identity/services/session_keys'
import { requestMeta, userActor } from '#identity/services/request_meta'
import type User from '#identity/models/user'

/** Routes a signed-in admin without 2FA may still use: to set it up, or to leave. */
const TWO_FACTOR_SETUP_ROUTES = ['/account/two-factor', '/account/two-factor/enable', '/logout']

/**
 * Console authentication: a session login, not idle for longer than
 * SESSION_IDLE_MINUTES (then logged out: HIPAA automatic logoff), past the
 * 2FA challenge when the user has 2FA, and with 2FA set up when the user's
 * role requires it. Sets `ctx.actor` for the active clinic of the session.
 */
export default class ConsoleAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    if (!(await guard.check())) return this.#toLogin(ctx)
    const user = guard.getUserOrFail()

    if (user.disabledAt) {
      await guard.logout()
      return this.#toLogin(ctx)
    }

    const idleMs = env.get('SESSION_IDLE_MINUTES', 15) * 60_000
    const lastSeenAt = ctx.session.get(SESSION_KEYS.lastSeenAt) as number | undefined
    if (lastSeenAt && Date.now() - lastSeenAt > idleMs) {
      await recordAuditEvent({
        action: 'auth.logout',
        outcome: 'success',
        actor: userActor(user),
        resourceType: 'user',
        resourceId: user.id,
        ...requestMeta(ctx),
        metadata: { reason: 'idle_timeout' },
      })
      await guard.logout()
      ctx.session.clear()
      return this.#toLogin(ctx, 'idle')
    }
    ctx.session.put(SESSION_KEYS.lastSeenAt, Date.now())

    if (user.totpEnabledAt && !ctx.session.get(SESSION_KEYS.twoFactorPassed)) {
      return ctx.response.redirect('/login/two-factor')
    }

    const access = await this.#access(ctx, user)
    ctx.actor = {
      kind: 'user',
      user,
      apiKey: null,
      clinicId: access.clinicId,
      role: access.role,
      permissions: access.permissions,
      audit: userActor(user),
    }

    if (!user.totpEnabledAt && (await requiresTwoFactor(user)) && !TWO_FACTOR_SETUP_ROUTES.includes(ctx.request.url())) {
      return ctx.response.redirect('/account/two-factor')
    }
    return next()
  }

  /** The session's clinic; one the user lost access to falls back to their first clinic. */
  async #access(ctx: HttpContext, user: User) {
    const sessionClinic = (ctx.session.get(SESSION_KEYS.clinicId) as number | undefined) ?? null
    try {
      return await resolveUserAccess(user, sessionClinic)
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error
      ctx.session.forget(SESSION_KEYS.clinicId)
      return resolveUserAccess(user, null)
    }
  }

  #toLogin(ctx: HttpContext, reason?: string) {
    if (ctx.request.header('x-inertia') || ctx.request.method() === 'GET') {
      return ctx.response.redirect(reason ? `/login?reason=${reason}` : '/login')
    }
    throw new AppError('UNAUTHENTICATED', 'Sign in first', 401)
  }
}
