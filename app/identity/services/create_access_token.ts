import { recordAuditEvent } from '#audit/index'
import { ValidationError } from '#kernel/index'
import User from '#identity/models/user'
import { heldPermissions, listAccessTokens, type AccessTokenSummary } from '#identity/services/list_access_tokens'
import type { AuditRequestContext } from '#identity/services/request_meta'

export const TOKEN_EXPIRY_DAYS = { min: 1, max: 365, default: 90 } as const

export interface CreateAccessTokenInput {
  name: string
  /** Permissions the user holds, or exactly ['*'] for all of them. */
  abilities: string[]
  expiresInDays: number
}

/**
 * Creates a personal access token for the REST API and returns its secret
 * (shown once; only a hash is stored). Abilities must be permissions the
 * user holds, or `*`. When a token creates a token, the new one cannot
 * reach further than the creating one (`creatorAbilities`).
 */
export async function createAccessToken(
  user: User,
  input: CreateAccessTokenInput,
  audit: AuditRequestContext,
  creatorAbilities: string[] | null = null
): Promise<{ token: AccessTokenSummary; value: string }> {
  const abilities = [...new Set(input.abilities)]
  const wildcard = abilities.includes('*')
  if (wildcard && abilities.length > 1) throw abilitiesError('Use either * alone or a list of permissions')

  const held = new Set<string>(await heldPermissions(user))
  const notHeld = abilities.filter((ability) => ability !== '*' && !held.has(ability))
  if (notHeld.length > 0) throw abilitiesError(`You do not hold: ${notHeld.join(', ')}`)

  if (creatorAbilities && !creatorAbilities.includes('*')) {
    const beyond = wildcard ? ['*'] : abilities.filter((ability) => !creatorAbilities.includes(ability))
    if (beyond.length > 0) throw abilitiesError(`The token you are using does not have: ${beyond.join(', ')}`)
  }

  const created = await User.accessTokens.create(user, abilities, {
    name: input.name,
    expiresIn: input.expiresInDays * 24 * 60 * 60,
  })
  try {
    await recordAuditEvent({
      ...audit,
      action: 'access_token.create',
      outcome: 'success',
      resourceType: 'access_token',
      resourceId: String(created.identifier),
      metadata: { name: input.name, abilities, expiresInDays: input.expiresInDays },
    })
  } catch (error) {
    /* Not audited, not kept. */
    await User.accessTokens.delete(user, created.identifier)
    throw error
  }

  const token = (await listAccessTokens(user)).find((summary) => summary.id === Number(created.identifier))!
  return { token, value: created.value!.release() }
}

function abilitiesError(message: string) {
  return new ValidationError([{ location: 'body', field: 'abilities', rule: 'abilities', message }])
}
