import type { HttpContext } from '@adonisjs/core/http'
import { AppError, validateRequest } from '#kernel/index'
import { accessTokenParamsSchema, createAccessTokenSchema } from '#identity/validators/auth_validators'
import { auditContext } from '#identity/services/audit_context'
import { createAccessToken } from '#identity/services/create_access_token'
import { listAccessTokens } from '#identity/services/list_access_tokens'
import { revokeAccessToken } from '#identity/services/revoke_access_token'

/**
 * Personal access tokens of the signed-in user, for the REST API: from the
 * console (My account) and from the API itself (/api/v1/me/tokens, with a
 * personal token; integration API keys have no user and get 403).
 */
export default class AccessTokensController {
  /** Console: the new token's secret is flashed once and shown by the account page. */
  async store(ctx: HttpContext) {
    const { body } = validateRequest(ctx, createAccessTokenSchema)
    const { token, value } = await createAccessToken(ctx.actor.user!, body, auditContext(ctx))
    ctx.session.flash('newToken', value)
    ctx.session.flash('success', `Token "${token.name}" created. Copy it now: it will not be shown again.`)
    return ctx.response.redirect('/account')
  }

  async destroy(ctx: HttpContext) {
    const { params } = validateRequest(ctx, accessTokenParamsSchema)
    await revokeAccessToken(ctx.actor.user!, params.id, auditContext(ctx))
    ctx.session.flash('success', 'Token revoked')
    return ctx.response.redirect('/account')
  }

  async apiIndex(ctx: HttpContext) {
    const user = this.#tokenUser(ctx)
    return { data: await listAccessTokens(user) }
  }

  async apiStore(ctx: HttpContext) {
    const user = this.#tokenUser(ctx)
    const { body } = validateRequest(ctx, createAccessTokenSchema)
    const { token, value } = await createAccessToken(user, body, auditContext(ctx), ctx.auth.use('api').user?.currentAccessToken.abilities ?? null)
    return ctx.response.status(201).json({ data: { ...token, token: value } })
  }

  async apiDestroy(ctx: HttpContext) {
    const user = this.#tokenUser(ctx)
    const { params } = validateRequest(ctx, accessTokenParamsSchema)
    await revokeAccessToken(user, params.id, auditContext(ctx))
    return ctx.response.noContent()
  }

  /** Only a personal access token acts for a user here. */
  #tokenUser(ctx: HttpContext) {
    if (ctx.actor.kind !== 'token' || !ctx.actor.user) {
      throw new AppError('FORBIDDEN', 'Only a personal access token can manage personal access tokens', 403)
    }
    return ctx.actor.user
  }
}
