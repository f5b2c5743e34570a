import encryption from '@adonisjs/core/services/encryption'
import type { ApiRequest, ApiResponse } from '@japa/api-client'
import * as OTPAuth from 'otpauth'
import { createUser } from '#tests/helpers/identity'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'

/** The TOTP secret test admins get (RFC 6238's example key). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'

/**
 * Gives an admin 2FA, as roles that require it must have before using the
 * console. Returns the same user, saved.
 */
export async function withTwoFactor(user: User): Promise<User> {
  user.totpSecret = encryption.encrypt(TEST_TOTP_SECRET)
  user.totpEnabledAt = DateTime.utc()
  await user.save()
  return user
}

/**
 * A console request signed in as `user`, past the 2FA challenge, with a
 * CSRF token (for form posts) and an active clinic when given. Call
 * withTwoFactor(user) first for admins.
 */
export function loginAsAdmin<T extends ApiRequest>(request: T, user: User, options: { clinicId?: number } = {}): T {
  const session: Record<string, boolean | number> = { 'identity.twoFactorPassed': true }
  if (options.clinicId !== undefined) session['identity.clinicId'] = options.clinicId
  return request.withCsrfToken().loginAs(user).withSession(session) as T
}

/** The Inertia page (component and props) that a console HTML response (or its text) carries. */
export function inertiaPage(response: ApiResponse | string): { component: string; props: Record<string, any> } {
  const html = typeof response === 'string' ? response : response.text()
  const match = html.match(/<script data-page="app" type="application\/json">([\s\S]*?)<\/script>/)
  if (!match) throw new Error('No Inertia page in the response')
  return JSON.parse(match[1])
}

/** How many rows a table has (optionally matching `where`), to prove a rejected request wrote nothing. */
export async function countRows(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const result = await db.from(table).where(where).count('* as total')
  return Number(result[0].total)
}

/** Audit events with this action (and optional resource id), oldest first. */
export async function auditEvents(action: string, resourceId?: string | number) {
  const query = db.from('audit_events').where('action', action).orderBy('id', 'asc')
  if (resourceId !== undefined) query.where('resource_id', String(resourceId))
  return query
}

export async function lastAuditEvent(action: string) {
  return db.from('audit_events').where('action', action).orderBy('id', 'desc').first()
}

/** Login throttling counters are shared by every test (all requests come from 127.0.0.1). */
export async function clearLoginThrottle() {
  await db.from('rate_limits').where('key', 'like', '%login:%').delete()
}

/** The 6-digit code an authenticator app shows for the secret, `steps` × 30 s from now. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 })
  return totp.generate({ timestamp: Date.now() + steps * 30_000 })
}

/** A code that is certainly wrong for the secret now (not valid in the ±1 step window). */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((steps) => totpCode(secret, steps)))
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0')
    if (!valid.has(code)) return code
  }
}

/** A user with TOTP 2FA on and a secret of its own; returns the user and the base32 secret. */
export async function createUserWithTwoFactor(options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options)
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  user.totpSecret = encryption.encrypt(secret)
  user.totpEnabledAt = DateTime.utc()
  await user.save()
  return { user, secret }
}

/** Session values of a console session past the 2FA challenge. */
export const TWO_FACTOR_PASSED = { 'identity.twoFactorPassed': true }
