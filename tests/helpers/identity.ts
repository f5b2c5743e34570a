import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import Clinic from '#identity/models/clinic'
import User from '#identity/models/user'
import Membership from '#identity/models/membership'
import ApiKey from '#identity/models/api_key'
import { hashApiKey } from '#identity/services/authenticate_api_key'
import type { ClinicRole, Permission, SystemRole } from '#identity/roles'

/** Every test user's password: long enough and not a common one. */
export const TEST_PASSWORD = 'violet-harbor-lantern-42'

let sequence = 0
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`

export async function createClinic(attributes: Partial<{ name: string; timeZone: string }> = {}) {
  return Clinic.create({ name: attributes.name ?? `Clinic ${next()}`, timeZone: attributes.timeZone ?? 'UTC' })
}

/**
 * A user with a system role, or with `role` in `clinic` (a new clinic when
 * none is given). Admin roles require 2FA in the console: tests of console
 * pages for them log in with a session flagged as past the 2FA challenge.
 */
export async function createUser(
  options: { systemRole?: SystemRole; role?: ClinicRole; clinic?: Clinic; email?: string; password?: string } = {}
) {
  const user = await User.create({
    email: options.email ?? `user-${next()}@clinic.test`,
    fullName: 'Test User',
    password: options.password ?? TEST_PASSWORD,
    systemRole: options.systemRole ?? null,
    failedLoginCount: 0,
    passwordChangedAt: DateTime.utc(),
  })
  if (options.role) {
    const clinic = options.clinic ?? (await createClinic())
    await Membership.create({ userId: user.id, clinicId: clinic.id, role: options.role })
  }
  return user
}

/** A personal access token's secret for the user (`*` abilities unless narrowed). */
export async function createAccessToken(user: User, abilities: (Permission | '*')[] = ['*'], expiresIn?: string) {
  const token = await User.accessTokens.create(user, abilities, { name: 'test', expiresIn })
  return token.value!.release()
}

/** An integration API key of the clinic; returns the model and its secret. */
export async function createApiKey(clinic: Clinic, abilities: Permission[], options: { rateLimitPerMinute?: number } = {}) {
  const secret = `cbk_${randomBytes(24).toString('base64url')}`
  const apiKey = await ApiKey.create({
    clinicId: clinic.id,
    name: 'test key',
    prefix: secret.slice(0, 12),
    hash: hashApiKey(secret),
    abilities,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100,
    useCount: 0,
  })
  return { apiKey, secret }
}
