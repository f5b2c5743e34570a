import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import { AppError } from '#kernel/index'
import privacyConfig from '#config/privacy'
import type { VaultKeySettings } from '#privacy/vault/vault_key_settings'

const IV_BYTES = 12

/** An encrypted vault payload as stored. */
export interface SealedPayload {
  keyId: string
  iv: Buffer
  authTag: Buffer
  ciphertext: Buffer
}

/** The id of a vault key: the first 16 hex characters of its sha256. Safe to print. */
export function vaultKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/**
 * The vault's keys: the active one encrypts, the previous ones (and the
 * active one) decrypt. Key material stays inside this object: it is never
 * returned, printed or serialised.
 */
export class VaultKeyring {
  readonly #active: { id: string; key: Buffer } | null
  readonly #keys = new Map<string, Buffer>()

  constructor(activeKey: Buffer | null, previousKeys: Buffer[] = []) {
    for (const key of previousKeys) this.#keys.set(vaultKeyId(key), key)
    this.#active = activeKey ? { id: vaultKeyId(activeKey), key: activeKey } : null
    if (this.#active) this.#keys.set(this.#active.id, this.#active.key)
  }

  static fromSettings(settings: VaultKeySettings): VaultKeyring {
    return new VaultKeyring(settings.activeKey?.release() ?? null, settings.previousKeys.map((key) => key.release()))
  }

  /** The active key's id, or null when no key is configured. */
  get activeKeyId(): string | null {
    return this.#active?.id ?? null
  }

  /** Ids of every key that can decrypt. */
  get keyIds(): string[] {
    return [...this.#keys.keys()]
  }

  /** Encrypts under the active key with a fresh IV; `aad` is authenticated, not stored. */
  seal(plaintext: Buffer, aad: string): SealedPayload {
    const active = this.#requireActive()
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', active.key, iv)
    cipher.setAAD(Buffer.from(aad, 'utf8'))
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
    return { keyId: active.id, iv, authTag: cipher.getAuthTag(), ciphertext }
  }

  /** Decrypts; a wrong key, AAD, tag or ciphertext is PHI_VAULT_INTEGRITY_FAILED. */
  open(sealed: SealedPayload, aad: string): Buffer {
    const key = this.#keys.get(sealed.keyId)
    if (!key) {
      if (!this.#active) this.#requireActive()
      throw new AppError(
        'PHI_VAULT_KEY_UNKNOWN',
        `The vault entry is encrypted under key ${sealed.keyId}, which is not configured (add it to PHI_VAULT_PREVIOUS_KEYS)`,
        500,
        { keyId: sealed.keyId }
      )
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv)
      decipher.setAAD(Buffer.from(aad, 'utf8'))
      decipher.setAuthTag(sealed.authTag)
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()])
    } catch {
      throw new AppError(
        'PHI_VAULT_INTEGRITY_FAILED',
        'The vault entry failed its integrity check (altered or moved to another row) and cannot be read',
        500
      )
    }
  }

  #requireActive() {
    if (!this.#active) {
      throw AppError.unavailable(
        'PHI_VAULT_KEY_MISSING',
        'PHI_VAULT_KEY is not set, so the re-identification vault cannot be used; set it in .env (scripts/setup.sh generates one)'
      )
    }
    return this.#active
  }

  toJSON() {
    return { activeKeyId: this.activeKeyId, keyIds: this.keyIds }
  }

  [inspect.custom]() {
    return `VaultKeyring { active: ${this.activeKeyId ?? 'none'}, keys: ${this.keyIds.length} }`
  }
}

let configured: { settings: VaultKeySettings; keyring: VaultKeyring } | null = null

/** The keyring of config/privacy.ts (PHI_VAULT_KEY, PHI_VAULT_PREVIOUS_KEYS). */
export function configuredVaultKeyring(): VaultKeyring {
  if (configured?.settings !== privacyConfig.vault) {
    configured = { settings: privacyConfig.vault, keyring: VaultKeyring.fromSettings(privacyConfig.vault) }
  }
  return configured.keyring
}
