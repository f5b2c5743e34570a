import { clock } from '#kernel/index'
import Membership from '#identity/models/membership'
import User from '#identity/models/user'
import { isSystemRole, permissionsOf, type Permission } from '#identity/roles'

/** A personal access token as lists show it: never its secret or hash. */
export type AccessTokenSummary = {
  id: number
  name: string | null
  abilities: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  expired: boolean
}

/** The user's personal access tokens, most recently used first. */
export async function listAccessTokens(user: User): Promise<AccessTokenSummary[]> {
  const now = clock.now().toJSDate()
  const tokens = await User.accessTokens.all(user)
  return tokens.map((token) => ({
    id: Number(token.identifier),
    name: token.name,
    abilities: token.abilities,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    expired: token.expiresAt !== null && token.expiresAt <= now,
  }))
}

/**
 * Every permission the user holds anywhere: their system role's, and each
 * clinic role's. A token may carry any of them (the API narrows them to
 * the clinic a request acts in).
 */
export async function heldPermissions(user: User): Promise<Permission[]> {
  const held = new Set<Permission>()
  if (user.systemRole && isSystemRole(user.systemRole)) permissionsOf(user.systemRole).forEach((permission) => held.add(permission))
  const memberships = await Membership.query().where('user_id', user.id).select('role')
  for (const membership of memberships) permissionsOf(membership.role).forEach((permission) => held.add(permission))
  return [...held].sort()
}
