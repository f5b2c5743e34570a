import { z } from 'zod'
import { DEIDENTIFY_OPERATORS } from '#privacy/deidentify/deidentify'
import { PHI_TYPES } from '#privacy/phi_types'

/** What one vault entry holds, encrypted: every replacement of one document and the date shift. */
export const vaultPayloadSchema = z.object({
  version: z.literal(1),
  operator: z.enum(DEIDENTIFY_OPERATORS),
  dateShiftDays: z.number().int().nullable(),
  replacements: z.array(
    z.object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      type: z.enum(PHI_TYPES),
      original: z.string(),
      replacement: z.string(),
    })
  ),
})

export type VaultPayload = z.infer<typeof vaultPayloadSchema>

/** The additional authenticated data of a row: its id and clinic, so a ciphertext cannot be moved to another row. */
export function vaultAad(id: string, clinicId: number | null): string {
  return `phi_vaults:${id}:${clinicId ?? 'none'}`
}
