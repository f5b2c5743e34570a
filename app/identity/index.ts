/*
| The identity module's public surface: who is acting, in which clinic,
| and whether they may.
*/
export type { Actor } from '#identity/services/actor'
export { authorize, activeClinicId } from '#identity/policies/authorize'
export { auditContext } from '#identity/services/audit_context'
export { listUserClinics } from '#identity/services/list_user_clinics'
export {
  ROLES,
  SYSTEM_ROLES,
  CLINIC_ROLES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  permissionsOf,
  type Role,
  type ClinicRole,
  type SystemRole,
  type Permission,
} from '#identity/roles'
