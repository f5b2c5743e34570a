import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import type User from '#identity/models/user'
import type { AuditRequestContext } from '#identity/services/request_meta'

/**
 * Revokes (deletes) one of the user's own personal access tokens; it stops
 * working at once. Another user's token, or none, answers 404
 * TOKEN_NOT_FOUND.
 */
export async function revokeAccessToken(user: User, tokenId: number, audit: AuditRequestContext) {
  await db.transaction(async (trx) => {
    const deleted = await trx
      .from('auth_access_tokens')
      .where({ id: tokenId, tokenable_id: user.id, type: 'personal_access_token' })
      .delete()
      .returning(['id', 'name'])
    if (deleted.length === 0) throw AppError.notFound('TOKEN_NOT_FOUND', 'No access token with this id')
    await recordAuditEvent(
      {
        ...audit,
        action: 'access_token.revoke',
        outcome: 'success',
        resourceType: 'access_token',
        resourceId: tokenId,
        metadata: { name: deleted[0].name },
      },
      { trx }
    )
  })
}
