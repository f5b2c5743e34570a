/** Props the server shares with every console page (app/platform/http/inertia_middleware.ts). */
export interface SharedProps {
  auth: {
    user: { id: number; email: string; fullName: string; twoFactorEnabled: boolean }
    role: string | null
    permissions: string[]
    clinic: { id: number; name: string } | null
    clinics: { id: number; name: string }[]
  } | null
  /** Field errors of the last form submission, by field name. */
  errors: Record<string, string>
  flash: { success: string | null; error: string | null }
}

/** Lucid's paginator JSON, as list pages receive it. */
export interface Paginated<T> {
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
  data: T[]
}
