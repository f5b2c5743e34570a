import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#kernel/index'
import type { DeidentifyOperator, Replacement } from '#privacy/deidentify/deidentify'
import type { DeidentifyScope } from '#privacy/deidentify/deidentify_scope'
import { vaultAad, type VaultPayload } from '#privacy/vault/vault_payload'
import { configuredVaultKeyring, type VaultKeyring } from '#privacy/vault/vault_keyring'

export interface StoreVaultEntryInput {
  clinicId: number | null
  operator: DeidentifyOperator
  replacements: readonly Replacement[]
  /** The scope of the de-identification, for its date shift. */
  scope?: DeidentifyScope
  /** Who stored it, as an actor label (e.g. `user:12`, `system`); never PHI. */
  createdBy?: string
}

/**
 * Stores the replacements of one de-identified document (the token→original
 * mapping and the date shift), encrypted with AES-256-GCM under the active
 * key with a fresh IV, the row's id and clinic as AAD. Returns the vault id.
 */
export async function storeVaultEntry(
  input: StoreVaultEntryInput,
  options: { trx?: TransactionClientContract; keyring?: VaultKeyring } = {}
): Promise<string> {
  const keyring = options.keyring ?? configuredVaultKeyring()
  const id = randomUUID()
  const payload: VaultPayload = {
    version: 1,
    operator: input.operator,
    dateShiftDays: input.scope?.dateShiftDays ?? null,
    replacements: input.replacements.map(({ start, end, type, original, replacement }) => ({ start, end, type, original, replacement })),
  }
  const sealed = keyring.seal(Buffer.from(JSON.stringify(payload), 'utf8'), vaultAad(id, input.clinicId))

  await (options.trx ?? db).table('phi_vaults').insert({
    id,
    clinic_id: input.clinicId,
    key_id: sealed.keyId,
    iv: sealed.iv,
    auth_tag: sealed.authTag,
    ciphertext: sealed.ciphertext,
    operator: input.operator,
    span_count: payload.replacements.length,
    created_by: input.createdBy ?? 'system',
    created_at: clock.now().toJSDate(),
  })
  return id
}
