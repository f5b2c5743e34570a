import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { IANAZone } from 'luxon'
import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import { isUniqueViolation, type AdminScope } from '#identity/services/resolve_admin_scope'
import { serializeClinic, type ClinicRecord } from '#identity/services/serialize_admin_records'

/**
 * Creates a clinic (tenant). Names are unique ignoring case (409
 * DUPLICATE_CLINIC); the time zone must be an IANA zone such as
 * `America/Chicago` (422 INVALID_TIME_ZONE). Audited `clinic.create`.
 */
export async function createClinic(scope: AdminScope, input: { name: string; timeZone: string }): Promise<ClinicRecord> {
  const timeZone = canonicalTimeZone(input.timeZone)
  try {
    return await db.transaction(async (trx) => {
      await assertClinicNameFree(input.name, trx)
      const clinic = await Clinic.create({ name: input.name, timeZone }, { client: trx })
      await recordAuditEvent(
        {
          ...scope.audit,
          clinicId: clinic.id,
          action: 'clinic.create',
          outcome: 'success',
          resourceType: 'clinic',
          resourceId: clinic.id,
          metadata: { name: clinic.name, timeZone: clinic.timeZone },
        },
        { trx }
      )
      return serializeClinic(clinic)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateClinic()
    throw error
  }
}

/**
 * The zone's canonical IANA name (`america/chicago` → `America/Chicago`),
 * or 422 INVALID_TIME_ZONE. Bare offsets such as `+05:00` are refused:
 * they know nothing of daylight saving time.
 */
export function canonicalTimeZone(timeZone: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone) || !IANAZone.isValidZone(timeZone)) {
    throw AppError.unprocessable('INVALID_TIME_ZONE', 'Use an IANA time zone such as America/Chicago', { field: 'timeZone' })
  }
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone
}

/** 409 DUPLICATE_CLINIC when another clinic (other than `exceptId`) has this name, ignoring case. */
export async function assertClinicNameFree(name: string, trx: TransactionClientContract, exceptId?: number) {
  const query = Clinic.query({ client: trx }).whereRaw('lower(name) = ?', [name.toLowerCase()])
  if (exceptId !== undefined) query.whereNot('id', exceptId)
  if (await query.first()) throw duplicateClinic()
}

export function duplicateClinic() {
  return AppError.conflict('DUPLICATE_CLINIC', 'A clinic with this name already exists', { field: 'name' })
}
