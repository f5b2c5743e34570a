import { AppError } from '#kernel/index'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { reidentify, type ReidentifyResult } from '#privacy/vault/reidentify'

/**
 * Puts the originals back from a clinic's vault entry. Every attempt is
 * audited as a read of PHI (`phi.reidentified`): the success, and the
 * refusal of an entry that is unknown or another clinic's (404).
 */
export async function reidentifyText(input: { vaultId: string; text: string; clinicId: number | null }, audit: AuditContext): Promise<ReidentifyResult> {
  try {
    const result = await reidentify(input.text, input.vaultId, input.clinicId)
    await recordAuditEvent({ ...audit, action: 'phi.reidentified', outcome: 'success', resourceType: 'phi_vault', resourceId: input.vaultId, metadata: { values: result.values.length } })
    return result
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      await recordAuditEvent({ ...audit, action: 'phi.reidentified', outcome: 'failure', resourceType: 'phi_vault', resourceId: input.vaultId, metadata: { code: error.code } })
    }
    throw error
  }
}
