import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import ApiKey from '#identity/models/api_key'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { serializeApiKey, type ApiKeyRecord } from '#identity/services/serialize_admin_records'

/**
 * Revokes a key: it stops working at once. A clinic admin reaches only
 * their clinic's keys (any other is 404 API_KEY_NOT_FOUND), a system admin
 * every key. Audited `api_key.revoke`; revoking twice records nothing more.
 */
export async function revokeApiKey(scope: AdminScope, id: number): Promise<ApiKeyRecord> {
  return db.transaction(async (trx) => {
    const query = ApiKey.query({ client: trx }).where('id', id).forUpdate()
    if (scope.tenantClinicId !== null) query.where('clinic_id', scope.tenantClinicId)
    const apiKey = await query.first()
    if (!apiKey) throw AppError.notFound('API_KEY_NOT_FOUND', 'No API key with this id')

    if (!apiKey.revokedAt) {
      apiKey.revokedAt = clock.now()
      await apiKey.useTransaction(trx).save()
      await recordAuditEvent(
        {
          ...scope.audit,
          clinicId: apiKey.clinicId,
          action: 'api_key.revoke',
          outcome: 'success',
          resourceType: 'api_key',
          resourceId: apiKey.id,
          metadata: { name: apiKey.name, prefix: apiKey.prefix },
        },
        { trx }
      )
    }
    return serializeApiKey(apiKey)
  })
}
