import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { resolveApiKeyClinic } from '#identity/services/resolve_api_key_clinic'
import { listApiKeys } from '#identity/services/list_api_keys'
import { createApiKey } from '#identity/services/create_api_key'
import { revokeApiKey } from '#identity/services/revoke_api_key'
import { apiKeyParamsSchema, createApiKeySchema, listApiKeysSchema } from '#identity/validators/api_key_validators'

/** REST: /api/v1/api-keys of the active clinic (or `clinicId`, for system admins). */
export default class ApiKeysController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const { query } = validateRequest(ctx, listApiKeysSchema)
    const scope = resolveAdminScope(ctx)
    return listApiKeys(await resolveApiKeyClinic(scope, query.clinicId), query)
  }

  /** The secret is in this response and nowhere else, ever. */
  async store(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const { body } = validateRequest(ctx, createApiKeySchema)
    const scope = resolveAdminScope(ctx)
    const { apiKey, secret } = await createApiKey(scope, await resolveApiKeyClinic(scope, body.clinicId), body)
    return ctx.response.created({ apiKey, secret })
  }

  async destroy(ctx: HttpContext) {
    authorize(ctx, 'api_keys.manage')
    const { params } = validateRequest(ctx, apiKeyParamsSchema)
    return { apiKey: await revokeApiKey(resolveAdminScope(ctx), params.id) }
  }
}
