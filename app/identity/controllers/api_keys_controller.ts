import '#identity/http/inertia_pages_admin'
import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { PERMISSIONS } from '#identity/roles'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { resolveApiKeyClinic } from '#identity/services/resolve_api_key_clinic'
import { listApiKeys } from '#identity/services/list_api_keys'
import { createApiKey } from '#identity/services/create_api_key'
import { revokeApiKey } from '#identity/services/revoke_api_key'
import { listClinicOptions } from '#identity/services/list_clinics'
import { consoleListQuery } from '#identity/controllers/console_request'
import { apiKeyParamsSchema, createApiKeySchema, listApiKeysSchema } from '#identity/validators/api_key_validators'

/** Flash key carrying a new key's secret to the one page view that shows it. */
const NEW_SECRET_FLASH = 'newApiKey'

/** Console: a clinic's integration API keys (api_keys.manage). */
export default class ApiKeysController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const query = consoleListQuery(ctx, listApiKeysSchema.query)
    if (!query) return ctx.response.redirect('/admin/api-keys')
    const scope = resolveAdminScope(ctx)
    const clinic = await resolveApiKeyClinic(scope, query.clinicId)
    const newSecret = ctx.session.flashMessages.get(NEW_SECRET_FLASH) as { name: string; prefix: string; secret: string } | undefined
    return ctx.inertia.render('identity/api_keys/index', {
      apiKeys: await listApiKeys(clinic, query),
      clinic: { id: clinic.id, name: clinic.name },
      clinics: scope.tenantClinicId === null ? await listClinicOptions(scope) : [],
      grantableAbilities: PERMISSIONS.filter((permission) => scope.permissions.has(permission)),
      newSecret: newSecret ?? null,
      filters: { q: query.q ?? '', perPage: query.perPage },
    })
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const { body } = validateRequest(ctx, createApiKeySchema)
    const scope = resolveAdminScope(ctx)
    const clinic = await resolveApiKeyClinic(scope, body.clinicId)
    const { apiKey, secret } = await createApiKey(scope, clinic, body)
    ctx.session.flash(NEW_SECRET_FLASH, { name: apiKey.name, prefix: apiKey.prefix, secret })
    ctx.session.flash('success', `API key ${apiKey.name} created. Copy its secret now: it is shown only once.`)
    return ctx.response.redirect().toPath(`/admin/api-keys?clinicId=${clinic.id}`)
  }

  async destroy(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const { params } = validateRequest(ctx, apiKeyParamsSchema)
    const apiKey = await revokeApiKey(resolveAdminScope(ctx), params.id)
    ctx.session.flash('success', `API key ${apiKey.name} revoked`)
    return ctx.response.redirect().toPath(`/admin/api-keys?clinicId=${apiKey.clinicId}`)
  }
}
