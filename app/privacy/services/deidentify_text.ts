import db from '@adonisjs/lucid/services/db'
import privacyConfig from '#config/privacy'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import type { PhiType } from '#privacy/phi_types'
import { assertDeidentifyOperator, deidentify } from '#privacy/deidentify/deidentify'
import type { DeidentifyScope } from '#privacy/deidentify/deidentify_scope'
import { storeVaultEntry } from '#privacy/vault/store_vault_entry'
import { checkText } from '#privacy/services/check_text'
import { findPhi, type PhiEngine } from '#privacy/services/find_phi'

export interface DeidentifiedText {
  text: string
  /** Where the token→original mapping is kept (encrypted); re-identification needs it. */
  vaultId: string
  operator: string
  /** How many spans of each type were replaced (never the values). */
  replaced: Partial<Record<PhiType, number>>
  engine: PhiEngine
}

/**
 * Finds the PHI of a text, replaces it with the operator, and keeps the
 * mapping in the encrypted vault of the clinic, audited
 * (`phi.deidentified`, counts only). Pass the same scope for every
 * document of one patient or encounter.
 */
export async function deidentifyText(
  input: { text: string; operator: string; clinicId: number | null; scope?: DeidentifyScope },
  audit: AuditContext
): Promise<DeidentifiedText> {
  const operator = input.operator
  assertDeidentifyOperator(operator)
  checkText(input.text, privacyConfig.maxTextChars)
  const { spans, engine } = await findPhi(input.text)
  const result = deidentify(input.text, spans, { operator, scope: input.scope })
  const replaced: Partial<Record<PhiType, number>> = {}
  for (const span of spans) replaced[span.type] = (replaced[span.type] ?? 0) + 1

  const vaultId = await db.transaction(async (trx) => {
    const id = await storeVaultEntry(
      { clinicId: input.clinicId, operator, replacements: result.replacements, scope: result.scope, createdBy: audit.actor.label ?? audit.actor.type },
      { trx }
    )
    await recordAuditEvent(
      { ...audit, action: 'phi.deidentified', outcome: 'success', resourceType: 'phi_vault', resourceId: id, metadata: { operator, replaced } },
      { trx }
    )
    return id
  })
  return { text: result.text, vaultId, operator, replaced, engine }
}
