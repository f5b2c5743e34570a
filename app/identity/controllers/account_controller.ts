import '#identity/http/inertia_pages_auth'
import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { changePasswordSchema } from '#identity/validators/auth_validators'
import { auditContext } from '#identity/services/audit_context'
import { changePassword } from '#identity/services/change_password'
import { heldPermissions, listAccessTokens } from '#identity/services/list_access_tokens'
import { TOKEN_EXPIRY_DAYS } from '#identity/services/create_access_token'
import { requiresTwoFactor } from '#identity/services/two_factor_policy'

/** My account: profile, 2FA status, password, personal access tokens. */
export default class AccountController {
  async show(ctx: HttpContext) {
    const user = ctx.actor.user!
    const grantable = await heldPermissions(user)
    return ctx.inertia.render('identity/account', {
      profile: {
        email: user.email,
        fullName: user.fullName,
        role: ctx.actor.role,
        lastLoginAt: user.lastLoginAt?.toISO() ?? null,
        passwordChangedAt: user.passwordChangedAt.toISO()!,
        twoFactorEnabled: user.totpEnabledAt !== null,
        twoFactorRequired: await requiresTwoFactor(user),
      },
      tokens: await listAccessTokens(user),
      grantableAbilities: grantable,
      newToken: (ctx.session.flashMessages.get('newToken') as string | undefined) ?? null,
      tokenExpiryDays: { ...TOKEN_EXPIRY_DAYS },
    })
  }

  async updatePassword(ctx: HttpContext) {
    const { body } = validateRequest(ctx, changePasswordSchema)
    await changePassword(ctx.actor.user!, body, auditContext(ctx))
    ctx.session.flash('success', 'Your password was changed')
    return ctx.response.redirect('/account')
  }
}
