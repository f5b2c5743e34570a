import { test } from '@japa/runner'
import { createUser, TEST_PASSWORD } from '#tests/helpers/identity'
import { countRows } from '#tests/helpers/console'

test.group('Console security headers and cookies', () => {
  test('pages carry a CSP, frame denial and nosniff', async ({ client, assert }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    assert.include(response.header('content-security-policy'), "default-src 'self'")
    assert.include(response.header('content-security-policy'), "frame-ancestors 'none'")
    assert.equal(response.header('x-frame-options'), 'DENY')
    assert.equal(response.header('x-content-type-options'), 'nosniff')
  })

  test('HSTS is left to production, where the site is served over HTTPS', async ({ client, assert }) => {
    const response = await client.get('/login')
    assert.isUndefined(response.header('strict-transport-security'))
  })

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ client, assert }) => {
    const response = await client.get('/login')
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    const session = cookies.find((cookie) => cookie.startsWith('clinibox-session='))
    assert.exists(session)
    assert.match(session!, /HttpOnly/i)
    assert.match(session!, /SameSite=Lax/i)
  })

  test('a console form posted without a CSRF token is refused and signs nobody in', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const before = await countRows('audit_events', { action: 'auth.login', actor_id: String(user.id) })
    const response = await client.post('/login').form({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    assert.notEqual(response.status(), 200)
    assert.notInclude(response.header('location') ?? '', '/dashboard')
    assert.equal(await countRows('audit_events', { action: 'auth.login', actor_id: String(user.id) }), before)
  })
})
