import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { clock } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import User from '#identity/models/user'
import { validatePassword } from '#identity/services/validate_password'
import { userActor, type RequestMeta } from '#identity/services/request_meta'

/** Serialises first-run setups, so two racing submissions cannot both create an admin. */
const SETUP_LOCK_KEY = 7_301_002

export class SetupClosed extends Error {}

/** First run: the appliance has no user yet. */
export async function isFirstRun(): Promise<boolean> {
  const row = await db.from('users').select(db.raw('1')).first()
  return !row
}

export interface FirstRunInput {
  email: string
  fullName: string
  password: string
  clinicName: string
  timeZone: string
}

/**
 * Creates the first super_admin and the first clinic in one transaction
 * (audited `setup.complete`). Throws SetupClosed once any user exists.
 */
export async function setupFirstRun(input: FirstRunInput, request: RequestMeta): Promise<{ user: User; clinic: Clinic }> {
  validatePassword(input.password, input.email)
  return db.transaction(async (trx) => {
    await trx.rawQuery('select pg_advisory_xact_lock(?)', [SETUP_LOCK_KEY])
    if (await trx.from('users').select(trx.raw('1')).first()) throw new SetupClosed()

    const clinic = await Clinic.firstOrCreate({ name: input.clinicName }, { name: input.clinicName, timeZone: input.timeZone }, { client: trx })
    const user = await User.create(
      {
        email: input.email.trim().toLowerCase(),
        fullName: input.fullName,
        password: input.password,
        systemRole: 'super_admin',
        failedLoginCount: 0,
        passwordChangedAt: clock.now(),
        lastLoginAt: clock.now(),
      },
      { client: trx }
    )
    await recordAuditEvent(
      {
        action: 'setup.complete',
        outcome: 'success',
        actor: userActor(user),
        clinicId: clinic.id,
        resourceType: 'user',
        resourceId: user.id,
        ...request,
        metadata: { clinicId: clinic.id, systemRole: 'super_admin' },
      },
      { trx }
    )
    return { user, clinic }
  })
}
