import { createHash } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import { AppError, clock } from '#kernel/index'
import ApiKey from '#identity/models/api_key'
import type { Actor } from '#identity/services/actor'

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/**
 * Resolves an `X-API-Key` secret to its clinic's actor: 401 INVALID_API_KEY
 * when unknown, revoked or expired (one answer for all three), 429 with
 * Retry-After past the key's per-minute limit. Records use time and count.
 */
export async function authenticateApiKey(secret: string): Promise<Actor> {
  const apiKey = await ApiKey.findBy('hash', hashApiKey(secret))
  const now = clock.now()
  if (!apiKey || apiKey.revokedAt || (apiKey.expiresAt && apiKey.expiresAt <= now)) {
    throw new AppError('INVALID_API_KEY', 'The API key is invalid, revoked or expired', 401)
  }

  await limiter.use({ requests: apiKey.rateLimitPerMinute, duration: '1 minute' }).consume(`api_key:${apiKey.id}`)

  await ApiKey.query()
    .where('id', apiKey.id)
    .update({ last_used_at: now.toJSDate(), use_count: ApiKey.query().client.raw('use_count + 1') })

  return {
    kind: 'api_key',
    user: null,
    apiKey,
    clinicId: apiKey.clinicId,
    role: null,
    permissions: new Set(apiKey.abilities),
    audit: { type: 'api_key', id: String(apiKey.id), label: apiKey.prefix },
  }
}
