import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { authorize } from '#identity/policies/authorize'
import type { Permission } from '#identity/roles'

/**
 * Route-level authorization, after consoleAuth or apiAuth: 403 FORBIDDEN
 * unless the actor holds the permission. For modules that may not import
 * identity (privacy): their routes say `middleware.can({ permission })`.
 */
export default class CanMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { permission: Permission }) {
    authorize(ctx, options.permission)
    return next()
  }
}
