import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ApiKey from '#identity/models/api_key'
import { createAccessToken, createApiKey, createClinic, createUser } from '#tests/helpers/identity'
import { auditEvents, countRows, inertiaPage, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

test.group('REST /api/v1/api-keys: creating', () => {
  test('creates a key whose secret is returned once and stored only as a hash, audited without it', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await createUser({ role: 'clinic_admin', clinic })

    const response = await client
      .post('/api/v1/api-keys')
      .bearerToken(await createAccessToken(clinicAdmin))
      .json({ name: 'EHR bridge', abilities: ['users.read', 'encounters.read'], rateLimitPerMinute: 50, expiresInDays: 30 })

    response.assertStatus(201)
    const { apiKey, secret } = response.body()
    assert.match(secret, /^cbk_[A-Za-z0-9_-]{43}$/)
    assert.include(apiKey, { name: 'EHR bridge', clinicId: clinic.id, prefix: secret.slice(0, 12), rateLimitPerMinute: 50, useCount: 0 })
    assert.sameMembers(apiKey.abilities, ['users.read', 'encounters.read'])
    assert.isNull(apiKey.revokedAt)
    const expiresInDays = DateTime.fromISO(apiKey.expiresAt).diffNow('days').days
    assert.closeTo(expiresInDays, 30, 0.01)
    assert.notProperty(apiKey, 'hash')

    const row = await db.from('api_keys').where('id', apiKey.id).firstOrFail()
    assert.equal(row.hash, sha256(secret))
    assert.equal(row.created_by_user_id, clinicAdmin.id)
    assert.notInclude(JSON.stringify(row), secret)

    const [event] = await auditEvents('api_key.create', apiKey.id)
    assert.equal(event.clinic_id, clinic.id)
    assert.equal(event.metadata.prefix, apiKey.prefix)
    assert.notInclude(JSON.stringify(event), secret)
    assert.notInclude(JSON.stringify(event), row.hash)
  })

  test('the new key works for its clinic, and only with its abilities', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await createUser({ role: 'clinic_admin', clinic })
    const created = await client
      .post('/api/v1/api-keys')
      .bearerToken(await createAccessToken(clinicAdmin))
      .json({ name: 'Reader', abilities: ['users.read'] })
    const secret = created.body().secret
    assert.equal(created.body().apiKey.rateLimitPerMinute, 100, 'default limit')
    assert.isNull(created.body().apiKey.expiresAt, 'never expires by default')

    const list = await client.get('/api/v1/users').header('x-api-key', secret)
    list.assertStatus(200)
    assert.include(
      list.body().data.map((user: { id: number }) => user.id),
      clinicAdmin.id
    )
    const write = await client.post('/api/v1/api-keys').header('x-api-key', secret).json({ name: 'x', abilities: ['users.read'] })
    write.assertStatus(403)
  })

  test('a system admin creates keys for a clinic they name', async ({ client, assert }) => {
    const clinic = await createClinic()
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const response = await client.post('/api/v1/api-keys').bearerToken(token).json({ name: 'Named', abilities: ['audit.read'], clinicId: clinic.id })
    response.assertStatus(201)
    assert.equal(response.body().apiKey.clinicId, clinic.id)
  })

  test('bad keys: 4xx with a stable code and nothing written', async ({ client, assert }) => {
    const clinic = await createClinic()
    const otherClinic = await createClinic()
    const token = await createAccessToken(await createUser({ role: 'clinic_admin', clinic }))
    const valid = { name: 'Bad', abilities: ['users.read'] }
    const cases: { body: Record<string, unknown>; status: number; code: string }[] = [
      { body: { ...valid, abilities: ['users.manage'] }, status: 422, code: 'ABILITY_NOT_HELD' },
      { body: { ...valid, abilities: ['clinics.manage', 'users.read'] }, status: 422, code: 'ABILITY_NOT_HELD' },
      { body: { ...valid, abilities: ['launch.missiles'] }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, abilities: [] }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, abilities: ['*'] }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, name: '' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, rateLimitPerMinute: 0 }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, rateLimitPerMinute: 10_001 }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, expiresInDays: 0 }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, expiresInDays: 731 }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, hash: 'abc' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, clinicId: otherClinic.id }, status: 404, code: 'CLINIC_NOT_FOUND' },
    ]
    const before = { keys: await countRows('api_keys'), audit: await countRows('audit_events') }

    for (const { body, status, code } of cases) {
      const response = await client.post('/api/v1/api-keys').bearerToken(token).json(body)
      assert.equal(response.status(), status, JSON.stringify(body))
      assert.equal(response.body().error.code, code, JSON.stringify(body))
    }
    assert.deepEqual({ keys: await countRows('api_keys'), audit: await countRows('audit_events') }, before)
  })

  test('needs api_keys.manage: a coder gets 403 FORBIDDEN', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ role: 'coder' }))
    const response = await client.get('/api/v1/api-keys').bearerToken(token)
    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
  })
})

test.group('REST /api/v1/api-keys: listing, use and revoking', () => {
  test('lists the clinic’s keys with use and status, never their hashes', async ({ client, assert }) => {
    const clinic = await createClinic()
    const token = await createAccessToken(await createUser({ role: 'clinic_admin', clinic }))
    const { apiKey, secret } = await createApiKey(clinic, ['users.read'], { rateLimitPerMinute: 7 })
    await client.get('/api/v1/users').header('x-api-key', secret)

    const response = await client.get('/api/v1/api-keys').bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.body().meta.total, 1)
    const [listed] = response.body().data
    assert.include(listed, { id: apiKey.id, name: 'test key', prefix: apiKey.prefix, rateLimitPerMinute: 7, useCount: 1, revokedAt: null, expiresAt: null })
    assert.deepEqual(listed.abilities, ['users.read'])
    assert.isString(listed.lastUsedAt)
    assert.notInclude(JSON.stringify(response.body()), apiKey.hash)
  })

  test('a key over its per-minute limit gets 429 with Retry-After; use time and count are recorded', async ({ client, assert }) => {
    const clinic = await createClinic()
    const { apiKey, secret } = await createApiKey(clinic, ['users.read'], { rateLimitPerMinute: 3 })

    for (let call = 1; call <= 3; call++) {
      const response = await client.get('/api/v1/users').header('x-api-key', secret)
      response.assertStatus(200)
    }
    const throttled = await client.get('/api/v1/users').header('x-api-key', secret)
    throttled.assertStatus(429)
    const retryAfter = Number(throttled.header('retry-after'))
    assert.isAtLeast(retryAfter, 1)
    assert.isAtMost(retryAfter, 60)

    await apiKey.refresh()
    assert.equal(apiKey.useCount, 3)
    assert.isNotNull(apiKey.lastUsedAt)
    assert.isBelow(Math.abs(apiKey.lastUsedAt!.diffNow('seconds').seconds), 60)
  })

  test('revoking stops the key at once; audited once', async ({ client, assert }) => {
    const clinic = await createClinic()
    const token = await createAccessToken(await createUser({ role: 'clinic_admin', clinic }))
    const { apiKey, secret } = await createApiKey(clinic, ['users.read'])
    ;(await client.get('/api/v1/users').header('x-api-key', secret)).assertStatus(200)

    const revoked = await client.delete(`/api/v1/api-keys/${apiKey.id}`).bearerToken(token)
    revoked.assertStatus(200)
    assert.isString(revoked.body().apiKey.revokedAt)

    const refused = await client.get('/api/v1/users').header('x-api-key', secret)
    refused.assertStatus(401)
    assert.equal(refused.body().error.code, 'INVALID_API_KEY')

    ;(await client.delete(`/api/v1/api-keys/${apiKey.id}`).bearerToken(token)).assertStatus(200)
    const events = await auditEvents('api_key.revoke', apiKey.id)
    assert.lengthOf(events, 1)
    assert.equal(events[0].clinic_id, clinic.id)
  })

  test('an expired key gets 401 INVALID_API_KEY', async ({ client, assert }) => {
    const clinic = await createClinic()
    const { apiKey, secret } = await createApiKey(clinic, ['users.read'])
    await ApiKey.query().where('id', apiKey.id).update({ expires_at: DateTime.utc().minus({ minutes: 1 }).toJSDate() })

    const response = await client.get('/api/v1/users').header('x-api-key', secret)
    response.assertStatus(401)
    assert.equal(response.body().error.code, 'INVALID_API_KEY')
  })

  test('an unknown key id: 404 API_KEY_NOT_FOUND', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const response = await client.delete('/api/v1/api-keys/2147483000').bearerToken(token)
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'API_KEY_NOT_FOUND')
  })
})

test.group('Console /admin/api-keys', () => {
  test('creating a key shows its secret once, then never again', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic }))

    const created = await loginAsAdmin(client.post('/admin/api-keys'), clinicAdmin)
      .json({ name: 'Console key', abilities: ['audit.read'], rateLimitPerMinute: 60, expiresInDays: null })
      .redirects(0)
    created.assertStatus(302)
    assert.equal(created.header('location'), `/admin/api-keys?clinicId=${clinic.id}`)
    const flashed = created.flashMessages().newApiKey as { name: string; prefix: string; secret: string }
    assert.match(flashed.secret, /^cbk_/)
    const row = await ApiKey.findByOrFail('prefix', flashed.prefix)
    assert.equal(row.hash, sha256(flashed.secret))

    const shown = await loginAsAdmin(client.get('/admin/api-keys'), clinicAdmin).withFlashMessages({ newApiKey: flashed })
    shown.assertStatus(200)
    const page = inertiaPage(shown.text())
    assert.equal(page.component, 'identity/api_keys/index')
    assert.equal(page.props.newSecret.secret, flashed.secret)
    assert.deepEqual(
      page.props.apiKeys.data.map((key: { name: string }) => key.name),
      ['Console key']
    )
    assert.notInclude(shown.text(), row.hash)

    const later = await loginAsAdmin(client.get('/admin/api-keys'), clinicAdmin)
    assert.isNull(inertiaPage(later.text()).props.newSecret)
    assert.notInclude(later.text(), flashed.secret)
  })

  test('revoking from the list', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic }))
    const { apiKey } = await createApiKey(clinic, ['users.read'])

    const response = await loginAsAdmin(client.post(`/admin/api-keys/${apiKey.id}/revoke`), clinicAdmin).redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'API key test key revoked')
    await apiKey.refresh()
    assert.isNotNull(apiKey.revokedAt)
  })

  test('abilities beyond the creator’s go back with the error, nothing written', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic }))
    const before = await countRows('api_keys')
    const response = await loginAsAdmin(client.post('/admin/api-keys'), clinicAdmin)
      .json({ name: 'Greedy', abilities: ['clinics.manage'], rateLimitPerMinute: 100 })
      .redirects(0)
    response.assertFlashMessage('errorCode', 'ABILITY_NOT_HELD')
    assert.equal(await countRows('api_keys'), before)
  })
})
