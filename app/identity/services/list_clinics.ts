import { AppError } from '#kernel/index'
import Clinic from '#identity/models/clinic'
import type { AdminScope } from '#identity/services/resolve_admin_scope'
import { escapeLike } from '#identity/services/escape_like'
import { pageMeta, serializeClinic, type ClinicRecord, type Page } from '#identity/services/serialize_admin_records'

/** Every clinic (tenant), by name; `q` matches the name (case-insensitive, taken literally). */
export async function listClinics(input: { page: number; perPage: number; q?: string }): Promise<Page<ClinicRecord>> {
  const query = Clinic.query().orderBy('name')
  if (input.q) query.whereILike('name', `%${escapeLike(input.q)}%`)
  const paginator = await query.paginate(input.page, input.perPage)
  return { data: paginator.all().map(serializeClinic), meta: pageMeta(paginator) }
}

/** One clinic, or 404 CLINIC_NOT_FOUND. */
export async function getClinic(id: number): Promise<ClinicRecord> {
  const clinic = await Clinic.find(id)
  if (!clinic) throw AppError.notFound('CLINIC_NOT_FOUND', 'No clinic with this id')
  return serializeClinic(clinic)
}

/** The clinics an admin may pick (for memberships, API keys): all for system admins, else their own. */
export async function listClinicOptions(scope: AdminScope): Promise<{ id: number; name: string }[]> {
  const query = Clinic.query().select('id', 'name').orderBy('name')
  if (scope.tenantClinicId !== null) query.where('id', scope.tenantClinicId)
  const clinics = await query
  return clinics.map((clinic) => ({ id: clinic.id, name: clinic.name }))
}
