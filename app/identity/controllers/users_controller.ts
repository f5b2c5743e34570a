import '#identity/http/inertia_pages_admin'
import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { CLINIC_ROLES, ROLES } from '#identity/roles'
import { grantableSystemRoles, resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { listUsers } from '#identity/services/list_users'
import { getUser } from '#identity/services/get_user'
import { createUser } from '#identity/services/create_user'
import { updateUser } from '#identity/services/update_user'
import { setUserDisabled } from '#identity/services/set_user_disabled'
import { unlockUser } from '#identity/services/unlock_user'
import { resetUserPassword } from '#identity/services/reset_user_password'
import { listClinicOptions } from '#identity/services/list_clinics'
import { consoleListQuery, consolePageParams } from '#identity/controllers/console_request'
import {
  createUserSchema,
  listUsersSchema,
  resetPasswordSchema,
  updateUserSchema,
  userParamsSchema,
} from '#identity/validators/user_validators'

/** Console: users (read with users.read; change with users.manage). */
export default class UsersController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'users.read')
    const query = consoleListQuery(ctx, listUsersSchema.query)
    if (!query) return ctx.response.redirect('/admin/users')
    const users = await listUsers(resolveAdminScope(ctx), query)
    return ctx.inertia.render('identity/users/index', {
      users,
      filters: { q: query.q ?? '', perPage: query.perPage, role: query.role ?? null },
      roles: [...ROLES],
    })
  }

  async create(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const scope = resolveAdminScope(ctx)
    return ctx.inertia.render('identity/users/create', {
      clinics: await listClinicOptions(scope),
      clinicRoles: [...CLINIC_ROLES],
      grantableSystemRoles: grantableSystemRoles(scope),
    })
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { body } = validateRequest(ctx, createUserSchema)
    const user = await createUser(resolveAdminScope(ctx), body)
    ctx.session.flash('success', `User ${user.email} created`)
    return ctx.response.redirect().toPath(`/admin/users/${user.id}/edit`)
  }

  async edit(ctx: HttpContext) {
    authorize(ctx, 'users.read')
    const params = consolePageParams(ctx, userParamsSchema.params)
    const scope = resolveAdminScope(ctx)
    return ctx.inertia.render('identity/users/edit', {
      user: await getUser(scope, params.id),
      clinics: await listClinicOptions(scope),
      clinicRoles: [...CLINIC_ROLES],
      grantableSystemRoles: grantableSystemRoles(scope),
    })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params, body } = validateRequest(ctx, updateUserSchema)
    await updateUser(resolveAdminScope(ctx), params.id, body)
    ctx.session.flash('success', 'User saved')
    return ctx.response.redirect().toPath(`/admin/users/${params.id}/edit`)
  }

  async disable(ctx: HttpContext) {
    return this.#setDisabled(ctx, true)
  }

  async enable(ctx: HttpContext) {
    return this.#setDisabled(ctx, false)
  }

  async unlock(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params } = validateRequest(ctx, userParamsSchema)
    await unlockUser(resolveAdminScope(ctx), params.id)
    ctx.session.flash('success', 'User unlocked')
    return ctx.response.redirect().toPath(`/admin/users/${params.id}/edit`)
  }

  async resetPassword(ctx: HttpContext) {
    authorize(ctx, 'users.manage')
    const { params, body } = validateRequest(ctx, resetPasswordSchema)
    await resetUserPassword(resolveAdminScope(ctx), params.id, body.password)
    ctx.session.flash('success', 'Password changed')
    return ctx.response.redirect().toPath(`/admin/users/${params.id}/edit`)
  }

  async #setDisabled(ctx: HttpContext, disabled: boolean) {
    authorize(ctx, 'users.manage')
    const { params } = validateRequest(ctx, userParamsSchema)
    await setUserDisabled(resolveAdminScope(ctx), params.id, disabled)
    ctx.session.flash('success', disabled ? 'User disabled' : 'User enabled')
    return ctx.response.redirect().toPath(`/admin/users/${params.id}/edit`)
  }
}
