import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#kernel/index'
import type { Permission } from '#identity/roles'

/** Throws 403 FORBIDDEN unless the request's actor holds the permission. */
export function authorize(ctx: HttpContext, permission: Permission) {
  if (!ctx.actor?.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this', 403, { permission })
  }
}

/** The active clinic of the request, or 409 NO_ACTIVE_CLINIC when there is none. */
export function activeClinicId(ctx: HttpContext): number {
  if (ctx.actor?.clinicId === null || ctx.actor?.clinicId === undefined) {
    throw AppError.conflict('NO_ACTIVE_CLINIC', 'Select a clinic first')
  }
  return ctx.actor.clinicId
}
