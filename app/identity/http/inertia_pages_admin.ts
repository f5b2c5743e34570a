import type { ClinicRole, Permission, Role, SystemRole } from '#identity/roles'
import type { ApiKeyRecord, ClinicRecord, Page, UserRecord } from '#identity/services/serialize_admin_records'

/*
| Admin console pages of the identity module (users, clinics, API keys) and
| the props each receives. The React pages under resources/pages/identity/
| declare the same props.
*/
export type ClinicOption = { id: number; name: string }
export type ListFilters = { q: string; perPage: number }

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'identity/users/index': {
      users: Page<UserRecord>
      filters: ListFilters & { role: Role | null }
      roles: Role[]
    }
    'identity/users/create': {
      clinics: ClinicOption[]
      clinicRoles: ClinicRole[]
      grantableSystemRoles: SystemRole[]
    }
    'identity/users/edit': {
      user: UserRecord
      clinics: ClinicOption[]
      clinicRoles: ClinicRole[]
      grantableSystemRoles: SystemRole[]
    }
    'identity/clinics/index': {
      clinics: Page<ClinicRecord>
      filters: ListFilters
    }
    'identity/clinics/edit': {
      clinic: ClinicRecord
    }
    'identity/api_keys/index': {
      apiKeys: Page<ApiKeyRecord>
      clinic: ClinicOption
      /** Clinics a system admin may switch the list to; empty for a clinic admin. */
      clinics: ClinicOption[]
      grantableAbilities: Permission[]
      /** The secret of the key just created: shown once, never again. */
      newSecret: { name: string; prefix: string; secret: string } | null
      filters: ListFilters
    }
  }
}
