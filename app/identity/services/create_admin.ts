import db from '@adonisjs/lucid/services/db'
import { IANAZone } from 'luxon'
import { z } from 'zod'
import { recordAuditEvent, SYSTEM_ACTOR } from '#audit/index'
import { AppError, clock, ValidationError } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import User from '#identity/models/user'
import { validatePassword } from '#identity/services/validate_password'

/** Used when no clinic exists yet and none is named. */
export const DEFAULT_CLINIC = { name: 'Main clinic', timeZone: 'UTC' } as const

const adminInput = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email({ message: 'Enter a valid email address' })),
  fullName: z.string().trim().min(1, 'Enter a name').max(200),
  password: z.string().max(256),
  clinicName: z.string().trim().min(1).max(200).optional(),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => IANAZone.isValidZone(zone), 'Unknown time zone: use an IANA name such as Europe/Paris')
    .optional(),
})

export type CreateAdminInput = z.input<typeof adminInput>

/**
 * Creates a super_admin from the command line (audited `admin.create`,
 * actor system), and the first clinic when none exists yet. Bad input
 * throws a ValidationError and a taken email 409 EMAIL_TAKEN; either way
 * nothing is written.
 */
export async function createAdmin(raw: CreateAdminInput): Promise<{ user: User; clinic: Clinic | null }> {
  const parsed = adminInput.safeParse(raw)
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ location: 'body', field: issue.path.join('.'), rule: issue.code, message: issue.message }))
    )
  }
  const input = parsed.data
  const email = input.email.toLowerCase()
  validatePassword(input.password, email)

  return db.transaction(async (trx) => {
    if (await User.query({ client: trx }).whereRaw('lower(email) = ?', [email]).first()) {
      throw AppError.conflict('EMAIL_TAKEN', `A user with the email ${email} already exists`)
    }
    let clinic: Clinic | null = null
    if (!(await Clinic.query({ client: trx }).first())) {
      clinic = await Clinic.create(
        { name: input.clinicName ?? DEFAULT_CLINIC.name, timeZone: input.timeZone ?? DEFAULT_CLINIC.timeZone },
        { client: trx }
      )
    }
    const user = await User.create(
      {
        email,
        fullName: input.fullName,
        password: input.password,
        systemRole: 'super_admin',
        failedLoginCount: 0,
        passwordChangedAt: clock.now(),
      },
      { client: trx }
    )
    await recordAuditEvent(
      {
        action: 'admin.create',
        outcome: 'success',
        actor: SYSTEM_ACTOR,
        clinicId: clinic?.id ?? null,
        resourceType: 'user',
        resourceId: user.id,
        metadata: { systemRole: 'super_admin', via: 'cli', clinicCreated: clinic?.id ?? null },
      },
      { trx }
    )
    return { user, clinic }
  })
}
