import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { listUserClinics } from '#identity/index'

/**
 * Props every console page receives: the signed-in user (or null), the
 * active clinic and the clinics to switch to, the user's role and
 * permissions there (the console hides what they may not do), and flash
 * messages.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const actor = ctx.actor
    const user = actor?.user ?? null
    const clinics = user ? await listUserClinics(user) : []
    return {
      auth: user
        ? {
            user: { id: user.id, email: user.email, fullName: user.fullName, twoFactorEnabled: user.totpEnabledAt !== null },
            role: actor.role,
            permissions: [...actor.permissions],
            clinic: clinics.find((clinic) => clinic.id === actor.clinicId) ?? null,
            clinics,
          }
        : null,
      errors: this.getValidationErrors(ctx),
      flash: {
        success: (ctx.session?.flashMessages.get('success') as string | undefined) ?? null,
        error: (ctx.session?.flashMessages.get('error') as string | undefined) ?? null,
      },
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}
