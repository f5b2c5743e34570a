import { Secret } from '@adonisjs/core/helpers'

const KEY_BYTES = 32

/** The vault keys from the environment, as config/privacy.ts holds them (key material wrapped in Secret). */
export interface VaultKeySettings {
  activeKey: Secret<Buffer> | null
  previousKeys: Secret<Buffer>[]
}

/** A key from the environment: base64 (or base64url) of exactly 32 bytes; the error names the variable. */
export function parseVaultKey(variable: string, value: string): Buffer {
  const trimmed = value.trim()
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== KEY_BYTES) {
    throw new Error(
      `${variable} must be the base64 of 32 random bytes (got ${key.length} bytes); generate one with ` +
        `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`
    )
  }
  return key
}

/**
 * PHI_VAULT_KEY and PHI_VAULT_PREVIOUS_KEYS (comma-separated), checked at
 * boot: a malformed key throws naming its variable, and so does a missing
 * PHI_VAULT_KEY when `required` (production).
 */
export function vaultKeySettings(values: { activeKey?: string; previousKeys?: string; required: boolean }): VaultKeySettings {
  const active = values.activeKey?.trim()
  if (!active && values.required) {
    throw new Error('PHI_VAULT_KEY is required in production: set it to the base64 of 32 random bytes (scripts/setup.sh generates one)')
  }
  const previousKeys = (values.previousKeys ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value, index) => new Secret(parseVaultKey(`PHI_VAULT_PREVIOUS_KEYS (key ${index + 1})`, value)))
  return { activeKey: active ? new Secret(parseVaultKey('PHI_VAULT_KEY', active)) : null, previousKeys }
}
