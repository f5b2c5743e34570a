import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { switchClinicSchema } from '#identity/validators/auth_validators'
import { auditContext } from '#identity/services/audit_context'
import { switchClinic } from '#identity/services/switch_clinic'
import { SESSION_KEYS } from '#identity/services/session_keys'

/** The console's clinic switcher: which clinic the session acts in. */
export default class ClinicSwitchController {
  async store(ctx: HttpContext) {
    const { body } = validateRequest(ctx, switchClinicSchema)
    await switchClinic(ctx.actor.user!, body.clinicId, auditContext(ctx))
    ctx.session.put(SESSION_KEYS.clinicId, body.clinicId)
    return ctx.response.redirect().back()
  }
}
