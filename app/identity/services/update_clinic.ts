import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/index'
import { AppError } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import { isUniqueViolation, type AdminScope } from '#identity/services/resolve_admin_scope'
import { assertClinicNameFree, canonicalTimeZone, duplicateClinic } from '#identity/services/create_clinic'
import { serializeClinic, type ClinicRecord } from '#identity/services/serialize_admin_records'

/**
 * Renames a clinic or changes its time zone, under the same rules as
 * creating one. Audited `clinic.update` with the changed fields; nothing is
 * recorded when nothing changes.
 */
export async function updateClinic(scope: AdminScope, id: number, input: { name?: string; timeZone?: string }): Promise<ClinicRecord> {
  const timeZone = input.timeZone === undefined ? undefined : canonicalTimeZone(input.timeZone)
  try {
    return await db.transaction(async (trx) => {
      const clinic = await Clinic.query({ client: trx }).where('id', id).forUpdate().first()
      if (!clinic) throw AppError.notFound('CLINIC_NOT_FOUND', 'No clinic with this id')

      const changes: Record<string, { from: string; to: string }> = {}
      if (input.name !== undefined && input.name !== clinic.name) {
        await assertClinicNameFree(input.name, trx, clinic.id)
        changes.name = { from: clinic.name, to: input.name }
        clinic.name = input.name
      }
      if (timeZone !== undefined && timeZone !== clinic.timeZone) {
        changes.timeZone = { from: clinic.timeZone, to: timeZone }
        clinic.timeZone = timeZone
      }
      if (Object.keys(changes).length > 0) {
        await clinic.useTransaction(trx).save()
        await recordAuditEvent(
          {
            ...scope.audit,
            clinicId: clinic.id,
            action: 'clinic.update',
            outcome: 'success',
            resourceType: 'clinic',
            resourceId: clinic.id,
            metadata: { fields: Object.keys(changes), changes },
          },
          { trx }
        )
      }
      return serializeClinic(clinic)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateClinic()
    throw error
  }
}
