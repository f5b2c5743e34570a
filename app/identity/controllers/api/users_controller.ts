import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { listUsers } from '#identity/services/list_users'
import { getUser } from '#identity/services/get_user'
import { createUser } from '#identity/services/create_user'
import { updateUser } from '#identity/services/update_user'
import { setUserDisabled } from '#identity/services/set_user_disabled'
import { unlockUser } from '#identity/services/unlock_user'
import { resetUserPassword } from '#identity/services/reset_user_password'
import {
  createUserSchema,
  listUsersSchema,
  resetPasswordSchema,
  updateUserSchema,
  userParamsSchema,
} from '#identity/validators/user_validators'

/** REST: /api/v1/users (read with users.read; change with users.manage). */
export default class UsersController {
  /** GET /api/v1/users?page=&perPage=&q=&role= → { data, meta } */
  async index(ctx: HttpContext) {
    authorize(ctx, 'users.read')
    const { query } = validateRequest(ctx, listUsersSchema)
    return listUsers(resolveAdminScope(ctx), query)
  }

  async show(ctx: HttpContext) {
    authorize(ctx, 'users.read')
    const { params } = validateRequest(ctx, userParamsSchema)
    return { user: await getUser(resolveAdminScope(ctx), params.id) }
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { body } = validateRequest(ctx, createUserSchema)
    return ctx.response.created({ user: await createUser(resolveAdminScope(ctx), body) })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params, body } = validateRequest(ctx, updateUserSchema)
    return { user: await updateUser(resolveAdminScope(ctx), params.id, body) }
  }

  async disable(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params } = validateRequest(ctx, userParamsSchema)
    return { user: await setUserDisabled(resolveAdminScope(ctx), params.id, true) }
  }

  async enable(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params } = validateRequest(ctx, userParamsSchema)
    return { user: await setUserDisabled(resolveAdminScope(ctx), params.id, false) }
  }

  async unlock(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params } = validateRequest(ctx, userParamsSchema)
    return { user: await unlockUser(resolveAdminScope(ctx), params.id) }
  }

  async resetPassword(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params, body } = validateRequest(ctx, resetPasswordSchema)
    return { user: await resetUserPassword(resolveAdminScope(ctx), params.id, body.password) }
  }
}
