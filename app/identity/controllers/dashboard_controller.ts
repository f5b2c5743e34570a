import '#identity/http/inertia_pages_auth'
import type { HttpContext } from '@adonisjs/core/http'
import { latestAuditVerification } from '#audit/index'
import Clinic from '#identity/models/clinic'

/** The console's home after sign-in: who and where you are, and the audit chain's last check. */
export default class DashboardController {
  async show({ actor, inertia }: HttpContext) {
    const clinic = actor.clinicId === null ? null : await Clinic.find(actor.clinicId)
    const canReadAudit = actor.permissions.has('audit.read')
    return inertia.render('platform/dashboard', {
      fullName: actor.user!.fullName,
      clinic: clinic ? { id: clinic.id, name: clinic.name, timeZone: clinic.timeZone } : null,
      role: actor.role,
      canReadAudit,
      auditVerification: canReadAudit ? await latestAuditVerification() : null,
    })
  }
}
