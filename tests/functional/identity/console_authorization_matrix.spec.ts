import { test } from '@japa/runner'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { CLINIC_ROLES, ROLE_PERMISSIONS, ROLES, SYSTEM_ROLES, type ClinicRole, type Permission, type Role, type SystemRole } from '#identity/index'
import { ROLES_REQUIRING_2FA } from '#identity/roles'
import type User from '#identity/models/user'
import { createClinic, createUser } from '#tests/helpers/identity'
import { countRows, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

/*
| Who may use which console route: every role in ROLES against every route
| guarded by the consoleAuth middleware, with the expectation derived from
| ROLE_PERMISSIONS (the REST counterpart is authorization_matrix.spec.ts).
| Each request is sent twice: as a plain browser request and as an Inertia
| visit (how the console itself navigates and submits forms).
|
| Add every new console route to CONSOLE_ROUTES: the first test fails while
| a consoleAuth route is missing from it, and the second while a page or
| form outside /api and /health has neither consoleAuth nor a place in
| PUBLIC_ROUTES.
|
| What a refusal looks like today:
| - a page (GET) answers 403 with the HTML error page, never the page;
| - a form (POST/PUT/DELETE) takes the console's form-error path
|   (app/kernel/http/exception_handler.ts): a redirect back to the page it
|   was sent from, with the flash `errorCode` FORBIDDEN; nothing changed.
*/

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a route requires: a permission, or only a signed-in user (their own account, session and clinic). */
type Access = Permission | 'any'

type ConsoleRoute = { method: Method; pattern: string; access: Access }

export const CONSOLE_ROUTES: ConsoleRoute[] = [
  /* identity: the signed-in user's own console */
  { method: 'GET', pattern: '/dashboard', access: 'any' },
  { method: 'GET', pattern: '/account', access: 'any' },
  { method: 'POST', pattern: '/account/password', access: 'any' },
  { method: 'GET', pattern: '/account/two-factor', access: 'any' },
  { method: 'POST', pattern: '/account/two-factor/enable', access: 'any' },
  { method: 'POST', pattern: '/account/two-factor/disable', access: 'any' },
  { method: 'POST', pattern: '/account/tokens', access: 'any' },
  { method: 'DELETE', pattern: '/account/tokens/:id', access: 'any' },
  { method: 'POST', pattern: '/session/clinic', access: 'any' },

  /* identity: users */
  { method: 'GET', pattern: '/admin/users', access: 'users.read' },
  { method: 'GET', pattern: '/admin/users/create', access: 'users.manage' },
  { method: 'POST', pattern: '/admin/users', access: 'users.manage' },
  { method: 'GET', pattern: '/admin/users/:id/edit', access: 'users.read' },
  { method: 'PUT', pattern: '/admin/users/:id', access: 'users.manage' },
  { method: 'POST', pattern: '/admin/users/:id/disable', access: 'users.manage' },
  { method: 'POST', pattern: '/admin/users/:id/enable', access: 'users.manage' },
  { method: 'POST', pattern: '/admin/users/:id/unlock', access: 'users.manage' },
  { method: 'POST', pattern: '/admin/users/:id/password', access: 'users.manage' },

  /* identity: memberships */
  { method: 'POST', pattern: '/admin/users/:id/memberships', access: 'memberships.manage' },
  { method: 'PUT', pattern: '/admin/users/:id/memberships/:membershipId', access: 'memberships.manage' },
  { method: 'DELETE', pattern: '/admin/users/:id/memberships/:membershipId', access: 'memberships.manage' },

  /* identity: clinics */
  { method: 'GET', pattern: '/admin/clinics', access: 'clinics.manage' },
  { method: 'POST', pattern: '/admin/clinics', access: 'clinics.manage' },
  { method: 'GET', pattern: '/admin/clinics/:id/edit', access: 'clinics.manage' },
  { method: 'PUT', pattern: '/admin/clinics/:id', access: 'clinics.manage' },

  /* identity: integration API keys */
  { method: 'GET', pattern: '/admin/api-keys', access: 'api_keys.manage' },
  { method: 'POST', pattern: '/admin/api-keys', access: 'api_keys.manage' },
  { method: 'POST', pattern: '/admin/api-keys/:id/revoke', access: 'api_keys.manage' },

  /* platform: audit log */
  { method: 'GET', pattern: '/admin/audit', access: 'audit.read' },
  { method: 'GET', pattern: '/admin/audit/export.csv', access: 'audit.export' },

  /* privacy: the PHI check page and its JSON actions */
  { method: 'GET', pattern: '/phi', access: 'phi.detect' },
  { method: 'POST', pattern: '/phi/detect', access: 'phi.detect' },
  { method: 'POST', pattern: '/phi/deidentify', access: 'phi.detect' },
  { method: 'POST', pattern: '/phi/reidentify', access: 'phi.reidentify' },

  /* ai: model registry */
  { method: 'GET', pattern: '/admin/models', access: 'ai.models.manage' },
  { method: 'POST', pattern: '/admin/models', access: 'ai.models.manage' },
  { method: 'POST', pattern: '/admin/models/verify', access: 'ai.models.manage' },
  { method: 'POST', pattern: '/admin/models/tasks', access: 'ai.models.manage' },
  { method: 'POST', pattern: '/admin/models/:id/verify', access: 'ai.models.manage' },
  { method: 'DELETE', pattern: '/admin/models/:id', access: 'ai.models.manage' },
]

/** Pages and forms outside /api and /health that anyone may reach: first run, sign-in, its 2FA step, sign-out. */
export const PUBLIC_ROUTES = [
  'GET /',
  'GET /setup',
  'POST /setup',
  'GET /login',
  'POST /login',
  'GET /login/two-factor',
  'POST /login/two-factor',
  'POST /logout',
]

/** The page a form is sent from: where a refused or invalid form sends the browser back to. */
const FORM_PAGE = '/dashboard'

/** An id that exists nowhere: what every form of the matrix targets, so a permitted caller changes nothing. */
const MISSING_ID = 999999

/** Tables no request of the matrix may change. */
const GUARDED_TABLES = ['users', 'clinics', 'memberships', 'api_keys', 'auth_access_tokens'] as const

type Variant = 'browser' | 'inertia'

/** Records pages show: a user and a clinic that exist, named so that a leak of them is easy to spot. */
type Fixtures = { userId: number; userEmail: string; clinicId: number; clinicName: string }

const routeKey = (method: string, pattern: string) => `${method} ${pattern}`
const describe = (route: ConsoleRoute) => routeKey(route.method, route.pattern)

function hasConsoleAuth(route: ReturnType<typeof router.toJSON>[string][number]) {
  return [...route.middleware.all()].some((handler) => typeof handler !== 'function' && handler.name === 'consoleAuth')
}

/** Every route the router knows outside /api and /health, as `METHOD /pattern` (HEAD rides along with GET). */
function registeredPageRoutes(): { key: string; consoleAuth: boolean }[] {
  const found = new Map<string, boolean>()
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (route.pattern.startsWith('/api/') || route.pattern === '/health' || route.pattern.startsWith('/health/')) continue
      for (const method of route.methods) if (method !== 'HEAD') found.set(routeKey(method, route.pattern), hasConsoleAuth(route))
    }
  }
  return [...found].map(([key, consoleAuth]) => ({ key, consoleAuth })).sort((a, b) => a.key.localeCompare(b.key))
}

const registeredConsoleRoutes = () =>
  registeredPageRoutes()
    .filter((route) => route.consoleAuth)
    .map((route) => route.key)

const routeExists = (route: ConsoleRoute) => registeredConsoleRoutes().includes(describe(route))

/**
 * A concrete URL for the route: pages show records that exist (a user and
 * the clinic), forms target ids that exist nowhere.
 */
function urlOf(route: ConsoleRoute, fixtures?: Fixtures) {
  return route.pattern.replace(/:\w+/g, () => {
    if (route.method !== 'GET' || !fixtures) return String(MISSING_ID)
    return String(route.pattern.startsWith('/admin/clinics/') ? fixtures.clinicId : fixtures.userId)
  })
}

function mayUse(role: Role, access: Access) {
  return access === 'any' || ROLE_PERMISSIONS[role].includes(access)
}

/** The console's current asset version: Inertia visits must carry it, or a GET answers 409 (reload). */
async function inertiaVersion(client: ApiClient): Promise<string> {
  const probe = await client.get('/login').header('x-inertia', 'true').redirects(0)
  return probe.header('x-inertia-version') ?? ''
}

/** How a request is sent: as a plain browser request, or as an Inertia visit of the given asset version. */
type Sender = { variant: 'browser' } | { variant: 'inertia'; version: string }

async function senders(client: ApiClient): Promise<Sender[]> {
  return [{ variant: 'browser' }, { variant: 'inertia', version: await inertiaVersion(client) }]
}

/**
 * The route's request, as the console sends it: pages are GETs, forms
 * come from FORM_PAGE with a body no schema accepts. An Inertia visit
 * carries the X-Inertia headers.
 */
function build(client: ApiClient, route: ConsoleRoute, sender: Sender, fixtures?: Fixtures): ApiRequest {
  const url = urlOf(route, fixtures)
  const request = (() => {
    switch (route.method) {
      case 'GET':
        return client.get(url)
      case 'POST':
        return client.post(url).json({ matrixProbe: true })
      case 'PUT':
        return client.put(url).json({ matrixProbe: true })
      case 'PATCH':
        return client.patch(url).json({ matrixProbe: true })
      case 'DELETE':
        return client.delete(url)
    }
  })().redirects(0)
  if (route.method !== 'GET') request.header('referer', FORM_PAGE)
  if (sender.variant === 'inertia') request.header('x-inertia', 'true').header('x-inertia-version', sender.version)
  return request
}

/** Inertia turns a redirect after PUT/PATCH/DELETE into a 303, so the browser follows it with a GET. */
function redirectStatus(route: ConsoleRoute, variant: Variant) {
  return variant === 'inertia' && ['PUT', 'PATCH', 'DELETE'].includes(route.method) ? 303 : 302
}

const isRedirect = (status: number) => status >= 300 && status < 400
/** Where the console sends a session that may not be used (yet): sign-in, its 2FA step, or 2FA set-up. */
const isSignInRedirect = (location: string) => /^\/login(\/|\?|$)/.test(location) || location.startsWith('/account/two-factor')

function flash(response: ApiResponse): Record<string, unknown> {
  try {
    return response.flashMessages() ?? {}
  } catch {
    return {}
  }
}

function summary(response: ApiResponse) {
  const location = response.header('location')
  const flashed = flash(response)
  return `${response.status()}${location ? ` → ${location}` : ''}${Object.keys(flashed).length ? ` flash ${JSON.stringify(flashed)}` : ''}`
}

/** Why a permitted request's answer is wrong, or null when it used the route and changed nothing. */
function allowedMismatch(route: ConsoleRoute, variant: Variant, response: ApiResponse): string | null {
  const status = response.status()
  const location = response.header('location') ?? ''
  if (route.method === 'GET') return status === 200 ? null : `expected 200, got ${summary(response)}`
  const flashed = flash(response)
  if (status === 401 || status === 403 || status >= 500) return `expected allowed, got ${summary(response)}`
  if (isRedirect(status) && isSignInRedirect(location)) return `expected allowed, sent to sign in: ${summary(response)}`
  if (flashed.errorCode === 'FORBIDDEN' || flashed.errorCode === 'UNAUTHENTICATED') return `expected allowed, got ${summary(response)}`
  if (flashed.success !== undefined) return `the probe must change nothing, but it succeeded: ${summary(response)}`
  if (status !== redirectStatus(route, variant) || location !== FORM_PAGE) return `expected a redirect back to ${FORM_PAGE} with the form's errors, got ${summary(response)}`
  return null
}

/** Why a refused request's answer is wrong, or null when it is exactly today's refusal and shows nothing. */
function deniedMismatch(route: ConsoleRoute, variant: Variant, response: ApiResponse, fixtures: Fixtures): string | null {
  if (route.method === 'GET') {
    if (response.status() !== 403) return `expected 403, got ${summary(response)}`
    const text = response.text()
    if (text.includes('data-page=') || response.header('x-inertia')) return 'the 403 answer carries an Inertia page'
    if (text.includes(fixtures.userEmail) || text.includes(fixtures.clinicName)) return 'the 403 answer shows the records behind the page'
    return null
  }
  const flashed = flash(response)
  const status = redirectStatus(route, variant)
  if (response.status() !== status || response.header('location') !== FORM_PAGE || flashed.errorCode !== 'FORBIDDEN') {
    return `expected ${status} back to ${FORM_PAGE} with flash errorCode FORBIDDEN, got ${summary(response)}`
  }
  if (flashed.success !== undefined) return `refused, but flashed success: ${summary(response)}`
  return null
}

/** Row counts and contents of the guarded tables, to prove the matrix changed nothing. */
async function snapshot() {
  const counts: Record<string, number> = {}
  const rows: Record<string, unknown[]> = {}
  for (const table of GUARDED_TABLES) {
    counts[table] = await countRows(table)
    rows[table] = await db.from(table).orderBy('id', 'asc')
  }
  return { counts, rows }
}

test.group('Console authorization matrix: the table covers the console', () => {
  test('every consoleAuth route is in the matrix', ({ assert }) => {
    const known = new Set(CONSOLE_ROUTES.map(describe))
    const missing = registeredConsoleRoutes().filter((key) => !known.has(key))
    assert.deepEqual(missing, [], 'add these routes to CONSOLE_ROUTES in tests/functional/identity/console_authorization_matrix.spec.ts')
  })

  test('every page and form outside /api and /health is guarded by consoleAuth or listed as public', ({ assert }) => {
    const unguarded = registeredPageRoutes()
      .filter((route) => !route.consoleAuth && !PUBLIC_ROUTES.includes(route.key))
      .map((route) => route.key)
    assert.deepEqual(unguarded, [], 'guard these routes with middleware.consoleAuth(), or list them in PUBLIC_ROUTES if anyone may use them')
  })

  test('every matrix route is registered with consoleAuth, listed once, and names a granted permission', ({ assert }) => {
    const keys = CONSOLE_ROUTES.map(describe)
    assert.equal(new Set(keys).size, keys.length)
    assert.deepEqual(CONSOLE_ROUTES.filter((route) => !routeExists(route)).map(describe), [], 'not registered with consoleAuth')
    for (const route of CONSOLE_ROUTES) {
      if (route.access === 'any') continue
      assert.isTrue(
        Object.values(ROLE_PERMISSIONS).some((granted) => granted.includes(route.access as Permission)),
        `${route.access} is granted to some role`
      )
    }
  })
})

test.group('Console authorization matrix: roles × console routes', (group) => {
  const sessions = new Map<Role, { user: User; clinicId?: number }>()
  let fixtures: Fixtures

  group.setup(async () => {
    const clinic = await createClinic({ name: `Matrix clinic ${Date.now().toString(36)}` })
    const target = await createUser({ role: 'front_desk', clinic, email: `matrix-target-${Date.now().toString(36)}@clinic.test` })
    fixtures = { userId: target.id, userEmail: target.email, clinicId: clinic.id, clinicName: clinic.name }

    const twoFactorIfRequired = (user: User, role: Role) => (ROLES_REQUIRING_2FA.includes(role) ? withTwoFactor(user) : user)
    for (const role of SYSTEM_ROLES) {
      const user = await createUser({ systemRole: role as SystemRole })
      sessions.set(role, { user: await twoFactorIfRequired(user, role) })
    }
    for (const role of CLINIC_ROLES) {
      const user = await createUser({ role: role as ClinicRole, clinic })
      sessions.set(role, { user: await twoFactorIfRequired(user, role), clinicId: clinic.id })
    }
  })

  for (const role of ROLES) {
    const allowed = CONSOLE_ROUTES.filter((route) => mayUse(role, route.access)).length
    test(`${role}: allowed on the ${allowed} route(s) its permissions cover, refused on the others, nothing changed`, async ({ client, assert }) => {
      const { user, clinicId } = sessions.get(role)!
      const before = await snapshot()
      const mismatches: string[] = []
      for (const sender of await senders(client)) {
        const variant = sender.variant
        for (const route of CONSOLE_ROUTES.filter(routeExists)) {
          const response = await loginAsAdmin(build(client, route, sender, fixtures), user, { clinicId })
          const mismatch = mayUse(role, route.access) ? allowedMismatch(route, variant, response) : deniedMismatch(route, variant, response, fixtures)
          if (mismatch) mismatches.push(`${variant} ${describe(route)}: ${mismatch}`)
        }
      }
      assert.deepEqual(mismatches, [])
      const after = await snapshot()
      assert.deepEqual(after.counts, before.counts, 'row counts unchanged')
      assert.deepEqual(after.rows, before.rows, 'rows unchanged')
    })
  }
})

test.group('Console authorization matrix: requests without a session', () => {
  test('every page redirects to /login', async ({ client, assert }) => {
    const mismatches: string[] = []
    for (const sender of await senders(client)) {
      for (const route of CONSOLE_ROUTES.filter((entry) => entry.method === 'GET' && routeExists(entry))) {
        const response = await build(client, route, sender)
        if (response.status() !== 302 || response.header('location') !== '/login') mismatches.push(`${sender.variant} ${describe(route)}: got ${summary(response)}`)
      }
    }
    assert.deepEqual(mismatches, [])
  })

  test('every form goes back to its page with flash errorCode UNAUTHENTICATED, nothing changed', async ({ client, assert }) => {
    const before = await snapshot()
    const mismatches: string[] = []
    for (const route of CONSOLE_ROUTES.filter((entry) => entry.method !== 'GET' && routeExists(entry))) {
      const response = await build(client, route, { variant: 'browser' }).withCsrfToken()
      if (response.status() !== 302 || response.header('location') !== FORM_PAGE || flash(response).errorCode !== 'UNAUTHENTICATED') {
        mismatches.push(`${describe(route)}: got ${summary(response)}`)
      }
    }
    assert.deepEqual(mismatches, [])
    assert.deepEqual((await snapshot()).counts, before.counts)
  })

  test('an Inertia form submission is redirected to /login, nothing changed', async ({ client, assert }) => {
    const before = await snapshot()
    const mismatches: string[] = []
    const version = await inertiaVersion(client)
    for (const route of CONSOLE_ROUTES.filter((entry) => entry.method !== 'GET' && routeExists(entry))) {
      const response = await build(client, route, { variant: 'inertia', version }).withCsrfToken()
      const status = redirectStatus(route, 'inertia')
      if (response.status() !== status || response.header('location') !== '/login') mismatches.push(`${describe(route)}: expected ${status} → /login, got ${summary(response)}`)
    }
    assert.deepEqual(mismatches, [])
    assert.deepEqual((await snapshot()).counts, before.counts)
  })
})
