import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { getClinic, listClinics } from '#identity/services/list_clinics'
import { createClinic } from '#identity/services/create_clinic'
import { updateClinic } from '#identity/services/update_clinic'
import { clinicParamsSchema, createClinicSchema, listClinicsSchema, updateClinicSchema } from '#identity/validators/clinic_validators'

/** REST: /api/v1/clinics (clinics.manage: system admins). */
export default class ClinicsController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { query } = validateRequest(ctx, listClinicsSchema)
    return listClinics(query)
  }

  async show(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { params } = validateRequest(ctx, clinicParamsSchema)
    return { clinic: await getClinic(params.id) }
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { body } = validateRequest(ctx, createClinicSchema)
    return ctx.response.created({ clinic: await createClinic(resolveAdminScope(ctx), body) })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { params, body } = validateRequest(ctx, updateClinicSchema)
    return { clinic: await updateClinic(resolveAdminScope(ctx), params.id, body) }
  }
}
