import { z } from 'zod'
import { CLINIC_ROLES, ROLES, SYSTEM_ROLES } from '#identity/roles'
import { passwordProblem } from '#identity/services/validate_password'
import { adminListQuery, blankToUndefined, idParam, requiredMessage, requiredText } from '#identity/validators/admin_list_query'

/** Emails are compared and stored lower-cased and trimmed. */
const email = requiredText()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase())
const fullName = requiredText().trim().min(1).max(200)
/** The password policy itself (length, common passwords) is validatePassword's. */
const password = requiredText().min(1).max(256)
const systemRole = z.enum(SYSTEM_ROLES).nullable()
const clinicId = z.number({ error: requiredMessage }).int().min(1).max(2_147_483_647)

export const membershipInput = z.strictObject({ clinicId, role: z.enum(CLINIC_ROLES, { error: requiredMessage }) })

/** The password policy as a field error beside the others (the services check it again). */
function passwordPolicy(body: { password?: unknown; email?: unknown }, ctx: z.RefinementCtx) {
  if (typeof body.password !== 'string' || body.password.length === 0) return
  const problem = passwordProblem(body.password, typeof body.email === 'string' ? body.email : null)
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
}

export const listUsersSchema = {
  query: z.strictObject({ ...adminListQuery, role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()) }),
}

export const userParamsSchema = { params: z.strictObject({ id: idParam }) }

export const createUserSchema = {
  body: z.strictObject({
    email,
    fullName,
    password,
    systemRole: systemRole.optional(),
    membership: membershipInput.nullable().optional(),
  }).superRefine(passwordPolicy),
}

export const updateUserSchema = {
  params: z.strictObject({ id: idParam }),
  body: z
    .strictObject({ email: email.optional(), fullName: fullName.optional(), systemRole: systemRole.optional() })
    .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'Send at least one field to change' }),
}

export const resetPasswordSchema = {
  params: z.strictObject({ id: idParam }),
  body: z.strictObject({ password }),
}

export const addMembershipSchema = {
  params: z.strictObject({ id: idParam }),
  body: membershipInput,
}

export const membershipParamsSchema = { params: z.strictObject({ id: idParam, membershipId: idParam }) }

export const changeMembershipRoleSchema = {
  params: z.strictObject({ id: idParam, membershipId: idParam }),
  body: z.strictObject({ role: z.enum(CLINIC_ROLES, { error: requiredMessage }) }),
}
