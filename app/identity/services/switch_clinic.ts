import { recordAuditEvent } from '#audit/index'
import type User from '#identity/models/user'
import { resolveUserAccess } from '#identity/services/resolve_user_access'
import type { AuditRequestContext } from '#identity/services/request_meta'

/**
 * Checks the user may act in the clinic (system roles: any clinic; others:
 * their memberships', else 404 CLINIC_NOT_FOUND) and audits the switch
 * (`session.clinic.switch`). The caller keeps it in the session.
 */
export async function switchClinic(user: User, clinicId: number, audit: AuditRequestContext) {
  const access = await resolveUserAccess(user, clinicId)
  await recordAuditEvent({
    ...audit,
    clinicId,
    action: 'session.clinic.switch',
    outcome: 'success',
    resourceType: 'clinic',
    resourceId: clinicId,
    metadata: { fromClinicId: audit.clinicId ?? null, role: access.role },
  })
  return access
}
