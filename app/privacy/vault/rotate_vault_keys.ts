import db from '@adonisjs/lucid/services/db'
import { AppError } from '#kernel/index'
import { vaultAad } from '#privacy/vault/vault_payload'
import { configuredVaultKeyring, type VaultKeyring } from '#privacy/vault/vault_keyring'

export interface VaultRotationReport {
  activeKeyId: string
  /** Entries moved from a previous key to the active one. */
  reencrypted: number
  /** Entries already under the active key. */
  current: number
  /** Entries under keys that are not configured, per key id; left as they are. */
  unknownKeys: { keyId: string; entries: number }[]
  /** Entries under a previous key that failed their integrity check; left as they are. */
  failedIds: string[]
}

/**
 * Re-encrypts every vault entry stored under a previous key with the active
 * key (fresh IV, same AAD), in batches of `batchSize`, each batch in its own
 * short transaction, so readers are never blocked for long and an
 * interrupted run can simply be run again.
 */
export async function rotateVaultKeys(options: { keyring?: VaultKeyring; batchSize?: number } = {}): Promise<VaultRotationReport> {
  const keyring = options.keyring ?? configuredVaultKeyring()
  const activeKeyId = keyring.activeKeyId
  if (!activeKeyId) {
    throw AppError.unavailable('PHI_VAULT_KEY_MISSING', 'PHI_VAULT_KEY is not set: there is no key to re-encrypt the vault with')
  }
  const previousKeyIds = keyring.keyIds.filter((id) => id !== activeKeyId)
  const batchSize = options.batchSize ?? 200

  let reencrypted = 0
  const failedIds: string[] = []
  let lastId: string | null = null
  while (previousKeyIds.length > 0) {
    const batch: { done: number; lastId: string | null } = await db.transaction(async (trx) => {
      const query = trx.from('phi_vaults').whereIn('key_id', previousKeyIds).orderBy('id').limit(batchSize).forUpdate()
      if (lastId) query.where('id', '>', lastId)
      const rows = await query
      let done = 0
      for (const row of rows) {
        const aad = vaultAad(row.id, row.clinic_id)
        let plaintext: Buffer
        try {
          plaintext = keyring.open({ keyId: row.key_id, iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext }, aad)
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          failedIds.push(row.id)
          continue
        }
        const sealed = keyring.seal(plaintext, aad)
        await trx
          .from('phi_vaults')
          .where('id', row.id)
          .update({ key_id: sealed.keyId, iv: sealed.iv, auth_tag: sealed.authTag, ciphertext: sealed.ciphertext })
        done++
      }
      return { done, lastId: rows.length === batchSize ? rows[rows.length - 1].id : null }
    })
    reencrypted += batch.done
    if (!batch.lastId) break
    lastId = batch.lastId
  }

  const counts = await db.from('phi_vaults').select('key_id').count('* as entries').groupBy('key_id')
  const known = new Set(keyring.keyIds)
  return {
    activeKeyId,
    reencrypted,
    current: Number(counts.find((row) => row.key_id === activeKeyId)?.entries ?? 0),
    unknownKeys: counts
      .filter((row) => !known.has(row.key_id))
      .map((row) => ({ keyId: row.key_id as string, entries: Number(row.entries) }))
      .sort((a, b) => a.keyId.localeCompare(b.keyId)),
    failedIds,
  }
}
