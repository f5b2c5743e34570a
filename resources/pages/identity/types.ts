/*
| Admin records as the identity module serialises them
| (app/identity/services/serialize_admin_records.ts).
*/
export type MembershipRecord = { id: number; clinicId: number; clinicName: string; role: string }

export type UserRecord = {
  id: number
  email: string
  fullName: string
  systemRole: string | null
  disabledAt: string | null
  lockedUntil: string | null
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
  abilities: string[]
  rateLimitPerMinute: number
  expiresAt: string | null
  lastUsedAt: string | null
  useCount: number
  revokedAt: string | null
  createdAt: string
}

export type ClinicOption = { id: number; name: string }

/** A role name as people read it: `clinic_admin` → `clinic admin`. */
export const roleLabel = (role: string) => role.replace(/_/g, ' ')

export const formatDate = (value: string | null) => (value ? new Date(value).toLocaleString() : '—')

/** IANA zones the browser knows, suggested while typing (the server checks the value). */
export const TIME_ZONES: string[] = [
  ...new Set(['UTC', ...((Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [])]),
]
