import type { DateTime } from 'luxon'
import { clock } from '#kernel/index'
import type { ClinicRole, Permission, SystemRole } from '#identity/roles'
import type User from '#identity/models/user'
import type Clinic from '#identity/models/clinic'
import type ApiKey from '#identity/models/api_key'
import type Membership from '#identity/models/membership'

/*
| The JSON shapes of admin records, shared by the console pages and the
| REST API. Built field by field: password hashes, TOTP secrets and key
| hashes never leave the server.
*/

export type MembershipRecord = { id: number; clinicId: number; clinicName: string; role: ClinicRole }

export type UserRecord = {
  id: number
  email: string
  fullName: string
  systemRole: SystemRole | null
  disabledAt: string | null
  lockedUntil: string | null
  /** Locked out now (too many failed sign-ins). */
  locked: boolean
  twoFactorEnabled: boolean
  lastLoginAt: string | null
  createdAt: string
  memberships: MembershipRecord[]
}

export type ClinicRecord = { id: number; name: string; timeZone: string; createdAt: string; updatedAt: string }

export type ApiKeyRecord = {
  id: number
  clinicId: number
  name: string
  prefix: string
  abilities: Permission[]
  rateLimitPerMinute: number
  expiresAt: string | null
  lastUsedAt: string | null
  useCount: number
  revokedAt: string | null
  createdAt: string
}

export type PageMeta = { total: number; perPage: number; currentPage: number; lastPage: number }
export type Page<T> = { data: T[]; meta: PageMeta }

const iso = (value: DateTime | null | undefined) => (value ? value.toUTC().toISO() : null)

/** A user with the memberships that were loaded for them (already narrowed to the viewer's clinic). */
export function serializeUser(user: User, memberships: Membership[] = user.memberships ?? []): UserRecord {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    systemRole: user.systemRole,
    disabledAt: iso(user.disabledAt),
    lockedUntil: iso(user.lockedUntil),
    locked: user.lockedUntil !== null && user.lockedUntil > clock.now(),
    twoFactorEnabled: user.totpEnabledAt !== null,
    lastLoginAt: iso(user.lastLoginAt),
    createdAt: iso(user.createdAt)!,
    memberships: memberships.map(serializeMembership),
  }
}

export function serializeMembership(membership: Membership): MembershipRecord {
  return {
    id: membership.id,
    clinicId: membership.clinicId,
    clinicName: membership.clinic?.name ?? '',
    role: membership.role,
  }
}

export function serializeClinic(clinic: Clinic): ClinicRecord {
  return { id: clinic.id, name: clinic.name, timeZone: clinic.timeZone, createdAt: iso(clinic.createdAt)!, updatedAt: iso(clinic.updatedAt)! }
}

export function serializeApiKey(apiKey: ApiKey): ApiKeyRecord {
  return {
    id: apiKey.id,
    clinicId: apiKey.clinicId,
    name: apiKey.name,
    prefix: apiKey.prefix,
    abilities: apiKey.abilities,
    rateLimitPerMinute: apiKey.rateLimitPerMinute,
    expiresAt: iso(apiKey.expiresAt),
    lastUsedAt: iso(apiKey.lastUsedAt),
    useCount: apiKey.useCount,
    revokedAt: iso(apiKey.revokedAt),
    createdAt: iso(apiKey.createdAt)!,
  }
}

/** Lucid paginator meta, reduced to what clients use. */
export function pageMeta(paginator: { total: number; perPage: number; currentPage: number; lastPage: number }): PageMeta {
  return { total: paginator.total, perPage: paginator.perPage, currentPage: paginator.currentPage, lastPage: paginator.lastPage }
}

