import ApiKey from '#identity/models/api_key'
import type Clinic from '#identity/models/clinic'
import { escapeLike } from '#identity/services/escape_like'
import { pageMeta, serializeApiKey, type ApiKeyRecord, type Page } from '#identity/services/serialize_admin_records'

/** A clinic's API keys, newest first, revoked ones included; `q` matches the name or prefix. */
export async function listApiKeys(clinic: Clinic, input: { page: number; perPage: number; q?: string }): Promise<Page<ApiKeyRecord>> {
  const query = ApiKey.query().where('clinic_id', clinic.id).orderBy('created_at', 'desc').orderBy('id', 'desc')
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`
    query.where((search) => search.whereILike('name', pattern).orWhereILike('prefix', pattern))
  }
  const paginator = await query.paginate(input.page, input.perPage)
  return { data: paginator.all().map(serializeApiKey), meta: pageMeta(paginator) }
}
