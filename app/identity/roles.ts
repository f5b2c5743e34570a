/*
| Roles and the permissions they grant: the one place that maps them.
| Later modules add their permissions here and grant them to roles.
*/

/** Hold across every clinic; set on the user, not through memberships. */
export const SYSTEM_ROLES = ['super_admin', 'it_admin'] as const
/** Held per clinic, through a membership. */
export const CLINIC_ROLES = ['clinic_admin', 'clinician', 'nurse', 'coder', 'front_desk', 'auditor', 'student'] as const
export const ROLES = [...SYSTEM_ROLES, ...CLINIC_ROLES] as const

export type SystemRole = (typeof SYSTEM_ROLES)[number]
export type ClinicRole = (typeof CLINIC_ROLES)[number]
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  /* identity */
  'users.read',
  'users.manage',
  'clinics.manage',
  'memberships.manage',
  'api_keys.manage',
  /* audit */
  'audit.read',
  'audit.export',
  /* platform */
  'system.diagnostics',
  /* ai */
  'ai.models.manage',
  /* coding and privacy (granted now so roles are complete; used by later modules) */
  'encounters.create',
  'encounters.read',
  'phi.detect',
  'phi.reidentify',
  /* tutor */
  'tutor.use',
] as const

export type Permission = (typeof PERMISSIONS)[number]

const ALL: readonly Permission[] = PERMISSIONS

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  super_admin: ALL,
  it_admin: ['users.read', 'users.manage', 'clinics.manage', 'memberships.manage', 'api_keys.manage', 'audit.read', 'audit.export', 'system.diagnostics', 'ai.models.manage'],
  clinic_admin: ['users.read', 'memberships.manage', 'api_keys.manage', 'audit.read', 'encounters.read', 'phi.reidentify'],
  clinician: ['encounters.create', 'encounters.read', 'phi.detect', 'phi.reidentify', 'tutor.use'],
  nurse: ['encounters.read', 'phi.detect'],
  coder: ['encounters.create', 'encounters.read', 'phi.detect'],
  front_desk: [],
  auditor: ['audit.read', 'audit.export'],
  student: ['tutor.use'],
}

/** Roles whose holders must use two-factor authentication. */
export const ROLES_REQUIRING_2FA: readonly Role[] = ['super_admin', 'it_admin', 'clinic_admin']

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role]
}

export function isSystemRole(role: string): role is SystemRole {
  return (SYSTEM_ROLES as readonly string[]).includes(role)
}
