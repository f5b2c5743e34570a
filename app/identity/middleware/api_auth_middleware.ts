import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppError } from '#kernel/index'
import { authenticateApiKey } from '#identity/services/authenticate_api_key'
import { resolveUserAccess } from '#identity/services/resolve_user_access'
import type { Permission } from '#identity/roles'

/**
 * REST API authentication: an integration key (`X-API-Key`, acts for its
 * clinic) or a personal access token (`Authorization: Bearer`, acts for
 * its user in the clinic named by `X-Clinic-Id`, default the first one).
 * A token's abilities narrow its user's permissions; `*` keeps them all.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const apiKey = ctx.request.header('x-api-key')
    if (apiKey) {
      ctx.actor = await authenticateApiKey(apiKey)
      return next()
    }

    let user
    try {
      user = await ctx.auth.use('api').authenticate()
    } catch {
      throw new AppError('UNAUTHENTICATED', 'Send a valid access token (Authorization: Bearer) or API key (X-API-Key)', 401)
    }
    if (user.disabledAt) throw new AppError('UNAUTHENTICATED', 'This account is disabled', 401)

    const access = await resolveUserAccess(user, parseClinicHeader(ctx.request.header('x-clinic-id')))
    const abilities = user.currentAccessToken.abilities
    const permissions = abilities.includes('*')
      ? access.permissions
      : new Set([...access.permissions].filter((permission) => abilities.includes(permission as Permission)))

    ctx.actor = {
      kind: 'token',
      user,
      apiKey: null,
      clinicId: access.clinicId,
      role: access.role,
      permissions,
      audit: { type: 'token', id: String(user.currentAccessToken.identifier), label: user.email },
    }
    return next()
  }
}

function parseClinicHeader(value: string | undefined): number | null {
  if (value === undefined || value === '') return null
  if (!/^\d{1,9}$/.test(value)) {
    throw AppError.unprocessable('INVALID_CLINIC_ID', 'X-Clinic-Id must be a clinic id (a positive integer)')
  }
  return Number(value)
}
