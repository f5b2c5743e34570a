import encryption from '@adonisjs/core/services/encryption'
import * as OTPAuth from 'otpauth'
import QRCode from 'qrcode'

/** RFC 6238 defaults every authenticator app understands. */
const TOTP_OPTIONS = { issuer: 'Clinibox', algorithm: 'SHA1', digits: 6, period: 30 } as const
/** Accept the previous and next 30 s step too (clock drift). */
const TOTP_WINDOW = 1

export const TOTP_CODE_PATTERN = /^\d{6}$/

/** A fresh random base32 secret (160 bits). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}

export function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({ ...TOTP_OPTIONS, label, secret: OTPAuth.Secret.fromBase32(secret) })
}

/** Whether the 6-digit code is valid for the base32 secret now (±1 step). */
export function totpCodeMatches(secret: string, code: string): boolean {
  if (!TOTP_CODE_PATTERN.test(code)) return false
  return totpFor(secret, 'check').validate({ token: code, window: TOTP_WINDOW }) !== null
}

/** The otpauth:// URI and its QR code (a PNG data URL) for enrolment. */
export async function totpEnrolment(secret: string, label: string) {
  const uri = totpFor(secret, label).toString()
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) }
}

/** Secrets are stored and kept in sessions encrypted with APP_KEY. */
export function encryptTotpSecret(secret: string): string {
  return encryption.encrypt(secret)
}

export function decryptTotpSecret(value: string | null | undefined): string | null {
  if (!value) return null
  return encryption.decrypt<string>(value) ?? null
}
