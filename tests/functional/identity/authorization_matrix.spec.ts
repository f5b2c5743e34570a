import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import { CLINIC_ROLES, ROLE_PERMISSIONS, ROLES, SYSTEM_ROLES, type ClinicRole, type Permission, type Role, type SystemRole } from '#identity/index'
import { createAccessToken, createApiKey, createClinic, createUser } from '#tests/helpers/identity'

/*
| Who may call which REST route: every role in ROLES against every /api/v1
| route, with the expectation derived from ROLE_PERMISSIONS, so granting or
| revoking a permission changes what this test expects by itself.
|
| Add every new /api/v1 route to API_ROUTES: the first test fails while a
| route is missing from it.
*/

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * What a route requires: a permission, any one of several, or only an
 * authenticated personal access token (a user's own resources).
 */
type Access = Permission | Permission[] | 'authenticated'

type ApiRoute = { method: Method; pattern: string; access: Access }

export const API_ROUTES: ApiRoute[] = [
  /* platform: system diagnostics */
  { method: 'POST', pattern: '/api/v1/system/pings', access: 'system.diagnostics' },
  { method: 'GET', pattern: '/api/v1/system/pings/:id', access: 'system.diagnostics' },

  /* platform: audit log */
  { method: 'GET', pattern: '/api/v1/audit-events', access: 'audit.read' },

  /* identity: users */
  { method: 'GET', pattern: '/api/v1/users', access: 'users.read' },
  { method: 'POST', pattern: '/api/v1/users', access: 'users.manage' },
  { method: 'GET', pattern: '/api/v1/users/:id', access: 'users.read' },
  { method: 'PATCH', pattern: '/api/v1/users/:id', access: 'users.manage' },
  { method: 'POST', pattern: '/api/v1/users/:id/disable', access: 'users.manage' },
  { method: 'POST', pattern: '/api/v1/users/:id/enable', access: 'users.manage' },
  { method: 'POST', pattern: '/api/v1/users/:id/unlock', access: 'users.manage' },
  { method: 'POST', pattern: '/api/v1/users/:id/password', access: 'users.manage' },

  /* identity: memberships (clinic admins manage their clinic's) */
  { method: 'POST', pattern: '/api/v1/users/:id/memberships', access: 'memberships.manage' },
  { method: 'PATCH', pattern: '/api/v1/users/:id/memberships/:membershipId', access: 'memberships.manage' },
  { method: 'DELETE', pattern: '/api/v1/users/:id/memberships/:membershipId', access: 'memberships.manage' },

  /* identity: clinics */
  { method: 'GET', pattern: '/api/v1/clinics', access: 'clinics.manage' },
  { method: 'POST', pattern: '/api/v1/clinics', access: 'clinics.manage' },
  { method: 'GET', pattern: '/api/v1/clinics/:id', access: 'clinics.manage' },
  { method: 'PATCH', pattern: '/api/v1/clinics/:id', access: 'clinics.manage' },

  /* identity: integration API keys */
  { method: 'GET', pattern: '/api/v1/api-keys', access: 'api_keys.manage' },
  { method: 'POST', pattern: '/api/v1/api-keys', access: 'api_keys.manage' },
  { method: 'DELETE', pattern: '/api/v1/api-keys/:id', access: 'api_keys.manage' },

  /* identity: a user's own personal access tokens */
  { method: 'GET', pattern: '/api/v1/me/tokens', access: 'authenticated' },
  { method: 'POST', pattern: '/api/v1/me/tokens', access: 'authenticated' },
  { method: 'DELETE', pattern: '/api/v1/me/tokens/:id', access: 'authenticated' },
  /* privacy */
  { method: 'POST', pattern: '/api/v1/phi/detect', access: 'phi.detect' },
  { method: 'POST', pattern: '/api/v1/phi/deidentify', access: 'phi.detect' },
  { method: 'POST', pattern: '/api/v1/phi/reidentify', access: 'phi.reidentify' },
]

const routeKey = (method: string, pattern: string) => `${method} ${pattern}`

/** Every /api/v1 route the router knows, as `METHOD /pattern` (HEAD rides along with GET). */
function registeredApiRoutes(): string[] {
  const keys = new Set<string>()
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (!route.pattern.startsWith('/api/v1/')) continue
      for (const method of route.methods) if (method !== 'HEAD') keys.add(routeKey(method, route.pattern))
    }
  }
  return [...keys].sort()
}

const routeExists = (route: ApiRoute) => registeredApiRoutes().includes(routeKey(route.method, route.pattern))

/**
 * A concrete URL for the route: ids that exist nowhere, so a permitted
 * caller gets a 404 or 422 and nothing changes.
 */
function urlOf(route: ApiRoute) {
  return route.pattern.replace(/:(\w+)/g, (_, name: string) => (route.pattern.includes('/system/pings/') && name === 'id' ? randomUUID() : '2147483000'))
}

function mayCall(role: Role, access: Access) {
  if (access === 'authenticated') return true
  const granted: readonly Permission[] = ROLE_PERMISSIONS[role]
  return (Array.isArray(access) ? access : [access]).some((permission) => granted.includes(permission))
}

/** Sends the route's request; mutations carry a body no schema accepts, so nothing is created. */
function send(client: ApiClient, route: ApiRoute, headers: Record<string, string>) {
  const url = urlOf(route)
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
  })()
  for (const [name, value] of Object.entries(headers)) request.header(name, value)
  return request
}

const describe = (route: ApiRoute) => routeKey(route.method, route.pattern)

test.group('Authorization matrix: the table covers the API', () => {
  test('every /api/v1 route is in the matrix', ({ assert }) => {
    const known = new Set(API_ROUTES.map((route) => describe(route)))
    const missing = registeredApiRoutes().filter((key) => !known.has(key))
    assert.deepEqual(missing, [], 'add these routes to API_ROUTES in tests/functional/identity/authorization_matrix.spec.ts')
  })

  test('matrix entries for routes that do not exist yet are skipped, and named here', ({ assert }) => {
    const notYet = API_ROUTES.filter((route) => !routeExists(route)).map(describe)
    if (notYet.length > 0) console.log(`  (authorization matrix: not built yet, skipped: ${notYet.join(', ')})`)
    assert.isArray(notYet)
  })

  test('every route is listed once and names known permissions', ({ assert }) => {
    const keys = API_ROUTES.map(describe)
    assert.equal(new Set(keys).size, keys.length)
    for (const route of API_ROUTES) {
      if (route.access === 'authenticated') continue
      for (const permission of Array.isArray(route.access) ? route.access : [route.access]) {
        assert.isTrue(Object.values(ROLE_PERMISSIONS).some((granted) => granted.includes(permission)), `${permission} is granted to some role`)
      }
    }
  })
})

test.group('Authorization matrix: roles × REST routes', (group) => {
  const tokens = new Map<Role, { token: string; clinicId: string | null }>()

  group.setup(async () => {
    const clinic = await createClinic()
    for (const role of SYSTEM_ROLES) {
      const user = await createUser({ systemRole: role as SystemRole })
      tokens.set(role, { token: await createAccessToken(user), clinicId: null })
    }
    for (const role of CLINIC_ROLES) {
      const user = await createUser({ role: role as ClinicRole, clinic })
      tokens.set(role, { token: await createAccessToken(user), clinicId: String(clinic.id) })
    }
  })

  for (const role of ROLES) {
    const allowed = API_ROUTES.filter((route) => mayCall(role, route.access)).length
    test(`${role}: allowed on the ${allowed} route(s) its permissions cover, 403 FORBIDDEN on the others`, async ({ client, assert }) => {
      const { token, clinicId } = tokens.get(role)!
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(clinicId ? { 'x-clinic-id': clinicId } : {}) }
      const mismatches: string[] = []
      for (const route of API_ROUTES.filter(routeExists)) {
        const response = await send(client, route, headers)
        const status = response.status()
        if (mayCall(role, route.access)) {
          if (status === 401 || status === 403 || status >= 500) mismatches.push(`${describe(route)}: expected allowed, got ${status} ${JSON.stringify(response.body())}`)
        } else if (status !== 403 || response.body()?.error?.code !== 'FORBIDDEN') {
          mismatches.push(`${describe(route)}: expected 403 FORBIDDEN, got ${status} ${JSON.stringify(response.body())}`)
        }
      }
      assert.deepEqual(mismatches, [])
    })
  }
})

test.group('Authorization matrix: callers without a usable identity', () => {
  test('without credentials every route answers 401 UNAUTHENTICATED', async ({ client, assert }) => {
    const mismatches: string[] = []
    for (const route of API_ROUTES.filter(routeExists)) {
      const response = await send(client, route, {})
      if (response.status() !== 401 || response.body()?.error?.code !== 'UNAUTHENTICATED') {
        mismatches.push(`${describe(route)}: got ${response.status()} ${JSON.stringify(response.body())}`)
      }
    }
    assert.deepEqual(mismatches, [])
  })

  test('with an unknown bearer token every route answers 401', async ({ client, assert }) => {
    const mismatches: string[] = []
    for (const route of API_ROUTES.filter(routeExists)) {
      const response = await send(client, route, { authorization: 'Bearer cbx_not-a-real-token' })
      if (response.status() !== 401) mismatches.push(`${describe(route)}: got ${response.status()}`)
    }
    assert.deepEqual(mismatches, [])
  })

  test('a token whose abilities are narrowed to nothing relevant is refused where a permission is needed', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'super_admin' }), ['tutor.use'])
    const mismatches: string[] = []
    for (const route of API_ROUTES.filter(routeExists)) {
      if (route.access === 'authenticated') continue
      const response = await send(client, route, { authorization: `Bearer ${token}` })
      if (response.status() !== 403) mismatches.push(`${describe(route)}: got ${response.status()}`)
    }
    assert.deepEqual(mismatches, [])
  })

  test('an integration key without abilities is refused everywhere (403)', async ({ client, assert }) => {
    const { secret } = await createApiKey(await createClinic(), [], { rateLimitPerMinute: 1_000 })
    const mismatches: string[] = []
    for (const route of API_ROUTES.filter(routeExists)) {
      const response = await send(client, route, { 'x-api-key': secret })
      if (response.status() !== 403) mismatches.push(`${describe(route)}: got ${response.status()} ${JSON.stringify(response.body())}`)
    }
    assert.deepEqual(mismatches, [])
  })
})
