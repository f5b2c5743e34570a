import { z } from 'zod'

/* Length limits are checked by checkText (413 with the configured maximum), not here. */
const text = z.string()

export const detectSchema = { body: z.strictObject({ text }) }

export const deidentifySchema = {
  body: z.strictObject({
    text,
    /* Checked by deidentify(): an unknown one is 422 PHI_UNKNOWN_OPERATOR. */
    operator: z.string(),
  }),
}

export const reidentifySchema = {
  body: z.strictObject({
    vaultId: z.uuid(),
    text,
  }),
}
