import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DeidentifyOperator } from '#privacy/deidentify/deidentify'
import type { PhiType } from '#privacy/phi_types'
import { readVaultEntry, type VaultEntry } from '#privacy/vault/read_vault_entry'
import type { VaultKeyring } from '#privacy/vault/vault_keyring'

export interface ReidentifyResult {
  vaultId: string
  operator: DeidentifyOperator
  /** The text with tokens or surrogates put back; null for `redact` and `mask`, which cannot be reversed in text. */
  text: string | null
  /** Every original value with what replaced it, in document order. */
  values: { type: PhiType; original: string; replacement: string }[]
}

/**
 * Puts the originals back into de-identified text. When the text is the one
 * the vault entry was made for (every replacement where it was written), it
 * is rebuilt by position; otherwise (edited text, a model's answer) every
 * token or surrogate that stands for exactly one original is replaced where
 * it stands as a whole word. Authorisation and auditing are the caller's.
 */
export async function reidentify(
  text: string,
  vaultId: string,
  clinicId: number | null,
  options: { trx?: TransactionClientContract; keyring?: VaultKeyring } = {}
): Promise<ReidentifyResult> {
  const entry = await readVaultEntry(vaultId, clinicId, options)
  const values = entry.replacements.map(({ type, original, replacement }) => ({ type, original, replacement }))
  if (entry.operator === 'redact' || entry.operator === 'mask') {
    return { vaultId, operator: entry.operator, text: null, values }
  }
  return { vaultId, operator: entry.operator, text: byPosition(text, entry) ?? byValue(text, entry), values }
}

function byPosition(text: string, entry: VaultEntry): string | null {
  const parts: string[] = []
  let shift = 0
  let cursor = 0
  for (const { start, end, original, replacement } of entry.replacements) {
    const outputStart = start + shift
    if (text.slice(outputStart, outputStart + replacement.length) !== replacement) return null
    parts.push(text.slice(cursor, outputStart), original)
    cursor = outputStart + replacement.length
    shift += replacement.length - (end - start)
  }
  parts.push(text.slice(cursor))
  return parts.join('')
}

function byValue(text: string, entry: VaultEntry): string {
  const normalise = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim()
  const originals = new Map<string, string | null>()
  for (const { original, replacement } of entry.replacements) {
    if (replacement === original || replacement === '') continue
    const known = originals.get(replacement)
    /* A replacement standing for two different originals (e.g. "90+") cannot be reversed. */
    if (known === undefined) originals.set(replacement, original)
    else if (known !== null && normalise(known) !== normalise(original)) originals.set(replacement, null)
  }
  const reversible = [...originals.keys()].filter((replacement) => originals.get(replacement) !== null)
  if (reversible.length === 0) return text

  const alternatives = reversible
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu')
  return text.replace(pattern, (match) => originals.get(match) ?? match)
}
