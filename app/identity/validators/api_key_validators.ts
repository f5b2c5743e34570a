import { z } from 'zod'
import { PERMISSIONS } from '#identity/roles'
import { adminListQuery, blankToUndefined, idParam, requiredText } from '#identity/validators/admin_list_query'

/** System roles may name the clinic; everyone else works in their active clinic. */
const clinicIdQuery = z.preprocess(blankToUndefined, idParam.optional())

export const listApiKeysSchema = {
  query: z.strictObject({ ...adminListQuery, clinicId: clinicIdQuery }),
}

export const createApiKeySchema = {
  body: z.strictObject({
    name: requiredText().trim().min(1).max(100),
    abilities: z
      .array(z.enum(PERMISSIONS))
      .min(1)
      .max(PERMISSIONS.length * 2)
      .transform((abilities) => [...new Set(abilities)]),
    rateLimitPerMinute: z.number().int().min(1).max(10_000).default(100),
    expiresInDays: z.number().int().min(1).max(730).nullable().optional(),
    clinicId: z.number().int().min(1).max(2_147_483_647).optional(),
  }),
}

export const apiKeyParamsSchema = { params: z.strictObject({ id: idParam }) }
