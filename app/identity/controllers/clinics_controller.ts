import '#identity/http/inertia_pages_admin'
import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { getClinic, listClinics } from '#identity/services/list_clinics'
import { createClinic } from '#identity/services/create_clinic'
import { updateClinic } from '#identity/services/update_clinic'
import { consoleListQuery, consolePageParams } from '#identity/controllers/console_request'
import { clinicParamsSchema, createClinicSchema, listClinicsSchema, updateClinicSchema } from '#identity/validators/clinic_validators'

/** Console: clinics (tenants), for system admins (clinics.manage). */
export default class ClinicsController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const query = consoleListQuery(ctx, listClinicsSchema.query)
    if (!query) return ctx.response.redirect('/admin/clinics')
    return ctx.inertia.render('identity/clinics/index', {
      clinics: await listClinics(query),
      filters: { q: query.q ?? '', perPage: query.perPage },
    })
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { body } = validateRequest(ctx, createClinicSchema)
    const clinic = await createClinic(resolveAdminScope(ctx), body)
    ctx.session.flash('success', `Clinic ${clinic.name} created`)
    return ctx.response.redirect().toPath('/admin/clinics')
  }

  async edit(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const params = consolePageParams(ctx, clinicParamsSchema.params)
    return ctx.inertia.render('identity/clinics/edit', { clinic: await getClinic(params.id) })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, 'clinics.manage')
    const { params, body } = validateRequest(ctx, updateClinicSchema)
    await updateClinic(resolveAdminScope(ctx), params.id, body)
    ctx.session.flash('success', 'Clinic saved')
    return ctx.response.redirect().toPath(`/admin/clinics/${params.id}/edit`)
  }
}
