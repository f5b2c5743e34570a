import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { requestAudit } from '#privacy/http/request_audit'
import { scanText } from '#privacy/services/scan_text'
import { deidentifyText } from '#privacy/services/deidentify_text'
import { reidentifyText } from '#privacy/services/reidentify_text'
import { detectSchema, deidentifySchema, reidentifySchema } from '#privacy/validators/phi_validators'

/**
 * REST: /api/v1/phi/*. Permissions are checked by the routes
 * (`middleware.can`); the console's PHI check page posts to the same
 * actions under /phi.
 */
export default class PhiController {
  /** `{text}` → `{phi, redacted, engine}`, offsets in Unicode code points. */
  async detect(ctx: HttpContext) {
    const { body } = validateRequest(ctx, detectSchema)
    return scanText(body.text)
  }

  /** `{text, operator}` → the de-identified text and the vault id of its mapping. */
  async deidentify(ctx: HttpContext) {
    const { body } = validateRequest(ctx, deidentifySchema)
    return deidentifyText({ text: body.text, operator: body.operator, clinicId: ctx.actor.clinicId }, requestAudit(ctx))
  }

  /** `{vaultId, text}` → the text with the originals back (phi.reidentify; audited). */
  async reidentify(ctx: HttpContext) {
    const { body } = validateRequest(ctx, reidentifySchema)
    return reidentifyText({ vaultId: body.vaultId, text: body.text, clinicId: ctx.actor.clinicId }, requestAudit(ctx))
  }
}
