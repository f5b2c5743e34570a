import { AppError } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import type { AdminScope } from '#identity/services/resolve_admin_scope'

/**
 * The clinic whose API keys an admin works on: a clinic admin (or a
 * clinic's key) only their active clinic, a system admin the clinic they
 * name or else their active one. Any other clinic answers 404
 * CLINIC_NOT_FOUND, as if it did not exist.
 */
export async function resolveApiKeyClinic(scope: AdminScope, requestedClinicId?: number | null): Promise<Clinic> {
  const clinicId = scope.tenantClinicId ?? requestedClinicId ?? scope.activeClinicId
  if (clinicId === null || clinicId === undefined) {
    throw AppError.conflict('NO_ACTIVE_CLINIC', 'Select a clinic first')
  }
  if (requestedClinicId !== undefined && requestedClinicId !== null && requestedClinicId !== clinicId) throw clinicNotFound()
  const clinic = await Clinic.find(clinicId)
  if (!clinic) throw clinicNotFound()
  return clinic
}

function clinicNotFound() {
  return AppError.notFound('CLINIC_NOT_FOUND', 'No clinic with this id', { field: 'clinicId' })
}
