import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AppError } from '#kernel/index'
import { vaultAad, vaultPayloadSchema, type VaultPayload } from '#privacy/vault/vault_payload'
import { configuredVaultKeyring, type VaultKeyring } from '#privacy/vault/vault_keyring'

export interface VaultEntry extends VaultPayload {
  id: string
  clinicId: number | null
  keyId: string
  createdBy: string
  createdAt: Date
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The decrypted entry of the clinic (`null`: entries stored without a
 * clinic). Unknown ids and other clinics' ids get the same 404.
 */
export async function readVaultEntry(
  id: string,
  clinicId: number | null,
  options: { trx?: TransactionClientContract; keyring?: VaultKeyring } = {}
): Promise<VaultEntry> {
  const notFound = () => AppError.notFound('PHI_VAULT_NOT_FOUND', 'No such vault entry')
  if (!UUID.test(id)) throw notFound()

  const query = (options.trx ?? db).from('phi_vaults').where('id', id)
  const row = await (clinicId === null ? query.whereNull('clinic_id') : query.where('clinic_id', clinicId)).first()
  if (!row) throw notFound()

  const keyring = options.keyring ?? configuredVaultKeyring()
  const plaintext = keyring.open({ keyId: row.key_id, iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext }, vaultAad(row.id, row.clinic_id))
  const parsed = vaultPayloadSchema.safeParse(JSON.parse(plaintext.toString('utf8')))
  if (!parsed.success) {
    throw new AppError('PHI_VAULT_INTEGRITY_FAILED', 'The vault entry is not in the expected format and cannot be read', 500)
  }
  return { ...parsed.data, id: row.id, clinicId: row.clinic_id, keyId: row.key_id, createdBy: row.created_by, createdAt: row.created_at }
}
