import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import ApiKey from '#identity/models/api_key'
import type Clinic from '#identity/models/clinic'
import type { Permission } from '#identity/roles'
import { hashApiKey } from '#identity/services/authenticate_api_key'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { serializeApiKey, type ApiKeyRecord } from '#identity/services/serialize_admin_records'

/** How many leading characters of a secret are stored and shown, to recognise a key. */
export const API_KEY_PREFIX_LENGTH = 12

export type CreateApiKeyInput = {
  name: string
  abilities: Permission[]
  rateLimitPerMinute: number
  expiresInDays?: number | null
}

/**
 * Creates an integration key for a clinic. Its abilities must be ones the
 * creator holds (422 ABILITY_NOT_HELD otherwise: nobody hands out more
 * than they have). The secret (`cbk_` + 32 random bytes, base64url) is
 * returned once and never stored: only its SHA-256 hash and its first 12
 * characters. Audited `api_key.create`, without the secret.
 */
export async function createApiKey(scope: AdminScope, clinic: Clinic, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
  const notHeld = input.abilities.filter((ability) => !scope.permissions.has(ability))
  if (notHeld.length > 0) {
    throw AppError.unprocessable('ABILITY_NOT_HELD', `You cannot grant abilities you do not hold: ${notHeld.join(', ')}`, {
      field: 'abilities',
      abilities: notHeld,
    })
  }

  const secret = `cbk_${randomBytes(32).toString('base64url')}`
  const expiresAt = input.expiresInDays ? clock.now().plus({ days: input.expiresInDays }) : null

  const apiKey = await db.transaction(async (trx) => {
    const created = await ApiKey.create(
      {
        clinicId: clinic.id,
        name: input.name,
        prefix: secret.slice(0, API_KEY_PREFIX_LENGTH),
        hash: hashApiKey(secret),
        abilities: input.abilities,
        rateLimitPerMinute: input.rateLimitPerMinute,
        expiresAt,
        useCount: 0,
        createdByUserId: scope.userId,
      },
      { client: trx }
    )
    await recordAuditEvent(
      {
        ...scope.audit,
        clinicId: clinic.id,
        action: 'api_key.create',
        outcome: 'success',
        resourceType: 'api_key',
        resourceId: created.id,
        metadata: {
          name: created.name,
          prefix: created.prefix,
          abilities: created.abilities,
          rateLimitPerMinute: created.rateLimitPerMinute,
          expiresAt: expiresAt?.toISO() ?? null,
        },
      },
      { trx }
    )
    return created
  })
  await apiKey.refresh()
  return { apiKey: serializeApiKey(apiKey), secret }
}
