import { IANAZone } from 'luxon'
import { z } from 'zod'
import { PERMISSIONS } from '#identity/roles'
import { TOKEN_EXPIRY_DAYS } from '#identity/services/create_access_token'
import { PASSWORD_MAX_LENGTH } from '#identity/services/validate_password'

/*
| Request bodies of sign-in, first run, 2FA, my account and personal access
| tokens. The password policy itself is validatePassword's (services).
*/

/** Trimmed and lower-cased: emails are compared case-insensitively. */
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((value) => value.toLowerCase())
const password = z.string().min(1, 'Enter the password').max(PASSWORD_MAX_LENGTH)
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app')
const idParam = z.coerce.number().int().min(1).max(2_147_483_647)

export const loginSchema = { body: z.strictObject({ email, password }) }

export const twoFactorCodeSchema = { body: z.strictObject({ code: totpCode }) }

export const disableTwoFactorSchema = { body: z.strictObject({ password, code: totpCode }) }

export const setupSchema = {
  body: z
    .strictObject({
      email,
      fullName: z.string().trim().min(1, 'Enter your name').max(200),
      password,
      passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH),
      clinicName: z.string().trim().min(1, 'Enter the clinic name').max(200),
      timeZone: z
        .string()
        .trim()
        .max(64)
        .refine((zone) => IANAZone.isValidZone(zone), 'Choose a time zone from the list (an IANA name such as Europe/Paris)'),
    })
    .refine((body) => body.password === body.passwordConfirmation, {
      path: ['passwordConfirmation'],
      message: 'The passwords do not match',
    }),
}

export const changePasswordSchema = {
  body: z
    .strictObject({ currentPassword: password, password, passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH) })
    .refine((body) => body.password === body.passwordConfirmation, {
      path: ['passwordConfirmation'],
      message: 'The passwords do not match',
    }),
}

export const createAccessTokenSchema = {
  body: z.strictObject({
    name: z.string().trim().min(1, 'Name the token').max(100),
    abilities: z
      .array(z.union([z.enum(PERMISSIONS), z.literal('*')]))
      .min(1, 'Choose at least one permission, or all (*)')
      .max(PERMISSIONS.length + 1),
    expiresInDays: z.number().int().min(TOKEN_EXPIRY_DAYS.min).max(TOKEN_EXPIRY_DAYS.max).default(TOKEN_EXPIRY_DAYS.default),
  }),
}

export const accessTokenParamsSchema = { params: z.strictObject({ id: idParam }) }

export const switchClinicSchema = {
  body: z.strictObject({ clinicId: z.number().int().min(1).max(2_147_483_647) }),
}
