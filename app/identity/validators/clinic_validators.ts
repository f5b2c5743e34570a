import { z } from 'zod'
import { adminListQuery, idParam, requiredText } from '#identity/validators/admin_list_query'

const name = requiredText().trim().min(1).max(200)
/** Checked against the IANA database by the service (422 INVALID_TIME_ZONE). */
const timeZone = requiredText().trim().min(1).max(64)

export const listClinicsSchema = { query: z.strictObject(adminListQuery) }

export const clinicParamsSchema = { params: z.strictObject({ id: idParam }) }

export const createClinicSchema = { body: z.strictObject({ name, timeZone }) }

export const updateClinicSchema = {
  params: z.strictObject({ id: idParam }),
  body: z
    .strictObject({ name: name.optional(), timeZone: timeZone.optional() })
    .refine((body) => body.name !== undefined || body.timeZone !== undefined, { message: 'Send at least one field to change' }),
}
