import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import { createAccessToken, createApiKey, createClinic, createUser } from '#tests/helpers/identity'
import { countRows, inertiaPage, lastAuditEvent } from '#tests/helpers/console'

const tokenCount = (user: User) => countRows('auth_access_tokens', { tokenable_id: user.id })

test.group('Personal access tokens in the console', () => {
  test('creating one shows its secret once, lists it and audits it', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const response = await client
      .post('/account/tokens')
      .withCsrfToken()
      .loginAs(user)
      .json({ name: 'Billing export', abilities: ['encounters.read'], expiresInDays: 30 })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account')
    const secret = String(response.flashMessages().newToken)
    assert.match(secret, /^cbx_/)

    const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    assert.equal(row.name, 'Billing export')
    assert.notInclude(secret, row.hash, 'only a hash is stored')
    const days = DateTime.fromJSDate(row.expires_at).diff(DateTime.utc(), 'days').days
    assert.closeTo(days, 30, 0.01)

    const event = await lastAuditEvent('access_token.create')
    assert.equal(event.resource_id, String(row.id))
    assert.deepEqual(event.metadata, { name: 'Billing export', abilities: ['encounters.read'], expiresInDays: 30 })
    assert.notInclude(JSON.stringify(event), secret.split('.').pop()!)

    /* The account page shows the flashed secret once, and the list without secrets. */
    const page = inertiaPage(await client.get('/account').loginAs(user).withFlashMessages({ newToken: secret }))
    assert.equal(page.props.newToken, secret)
    assert.lengthOf(page.props.tokens, 1)
    assert.containSubset(page.props.tokens[0], { id: row.id, name: 'Billing export', abilities: ['encounters.read'], lastUsedAt: null, expired: false })
    assert.notProperty(page.props.tokens[0], 'hash')
    const later = inertiaPage(await client.get('/account').loginAs(user))
    assert.isNull(later.props.newToken)

    /* It works on the API. */
    const api = await client.get('/api/v1/me/tokens').bearerToken(secret)
    api.assertStatus(200)
  })

  test('expiry defaults to 90 days; * grants all of my permissions', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    await client.post('/account/tokens').withCsrfToken().loginAs(user).json({ name: 'Everything', abilities: ['*'] }).redirects(0)
    const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    assert.closeTo(DateTime.fromJSDate(row.expires_at).diff(DateTime.utc(), 'days').days, 90, 0.01)
    assert.deepEqual(JSON.parse(row.abilities), ['*'])
  })

  test('bad input creates no token', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const cases: { body: Record<string, unknown>; field: string }[] = [
      { body: { name: 'x', abilities: ['users.manage'] }, field: 'abilities' },
      { body: { name: 'x', abilities: ['*', 'encounters.read'] }, field: 'abilities' },
      { body: { name: 'x', abilities: ['not.a.permission'] }, field: 'abilities.0' },
      { body: { name: 'x', abilities: [] }, field: 'abilities' },
      { body: { name: 'x', abilities: ['*'], expiresInDays: 0 }, field: 'expiresInDays' },
      { body: { name: 'x', abilities: ['*'], expiresInDays: 366 }, field: 'expiresInDays' },
      { body: { name: 'x', abilities: ['*'], expiresInDays: 1.5 }, field: 'expiresInDays' },
      { body: { name: 'x'.repeat(101), abilities: ['*'] }, field: 'name' },
      { body: { name: '  ', abilities: ['*'] }, field: 'name' },
      { body: { name: 'x', abilities: ['*'], userId: 1 }, field: 'form' },
    ]
    for (const { body, field } of cases) {
      const response = await client.post('/account/tokens').withCsrfToken().loginAs(user).json(body).redirects(0)
      assert.include(Object.keys(response.flashMessages().inputErrorsBag ?? {}), field, JSON.stringify(body))
      response.assertFlashMissing('newToken')
    }
    assert.equal(await tokenCount(user), 0)
  })

  test('revoking my token deletes it and audits; another user\'s token is 404 and stays', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const other = await createUser({ role: 'coder' })
    const mine = await User.accessTokens.create(user, ['*'], { name: 'mine' })
    const theirs = await User.accessTokens.create(other, ['*'], { name: 'theirs' })

    const response = await client.delete(`/account/tokens/${mine.identifier}`).withCsrfToken().loginAs(user).redirects(0)
    response.assertHeader('location', '/account')
    assert.equal(await tokenCount(user), 0)
    const event = await lastAuditEvent('access_token.revoke')
    assert.equal(event.resource_id, String(mine.identifier))
    assert.equal(event.actor_id, String(user.id))

    for (const id of [theirs.identifier, 999_999, 'abc']) {
      const refused = await client.delete(`/account/tokens/${id}`).withCsrfToken().loginAs(user).redirects(0)
      assert.isDefined(refused.flashMessages().errorCode ?? refused.flashMessages().inputErrorsBag, String(id))
    }
    const notFound = await client.delete(`/account/tokens/${theirs.identifier}`).withCsrfToken().loginAs(user).redirects(0)
    assert.equal(notFound.flashMessages().errorCode, 'TOKEN_NOT_FOUND')
    assert.equal(await tokenCount(other), 1)
  })
})

test.group('Personal access tokens on the API', () => {
  test('GET /api/v1/me/tokens lists my tokens, never their secrets', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'])
    await createAccessToken(await createUser({ role: 'coder' }), ['*'])

    const response = await client.get('/api/v1/me/tokens').bearerToken(secret)
    response.assertStatus(200)
    const tokens = response.body().data
    assert.lengthOf(tokens, 1)
    assert.sameMembers(Object.keys(tokens[0]), ['id', 'name', 'abilities', 'createdAt', 'lastUsedAt', 'expiresAt', 'expired'])
    assert.isNotNull(tokens[0].lastUsedAt, 'this very request used it')
  })

  test('POST /api/v1/me/tokens creates a token (201) that works', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'])
    const response = await client.post('/api/v1/me/tokens').bearerToken(secret).json({ name: 'CI', abilities: ['encounters.read'], expiresInDays: 7 })
    response.assertStatus(201)
    const created = response.body().data
    assert.containSubset(created, { name: 'CI', abilities: ['encounters.read'], expired: false })
    assert.match(created.token, /^cbx_/)
    assert.equal((await lastAuditEvent('access_token.create')).actor_type, 'token')

    const listed = await client.get('/api/v1/me/tokens').bearerToken(created.token)
    listed.assertStatus(200)
    assert.lengthOf(listed.body().data, 2)
  })

  test('a token cannot create a token that reaches further than itself', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const narrow = await createAccessToken(user, ['encounters.read'])
    for (const abilities of [['*'], ['encounters.create'], ['encounters.read', 'phi.detect']]) {
      const response = await client.post('/api/v1/me/tokens').bearerToken(narrow).json({ name: 'wider', abilities })
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED')
    }
    const same = await client.post('/api/v1/me/tokens').bearerToken(narrow).json({ name: 'same', abilities: ['encounters.read'] })
    same.assertStatus(201)
    assert.equal(await tokenCount(user), 2)
  })

  test('bad input is 422 and creates nothing', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'])
    for (const body of [
      { name: 'x', abilities: ['users.manage'] },
      { name: 'x', abilities: 'encounters.read' },
      { name: 'x', abilities: ['*'], expiresInDays: 400 },
      { abilities: ['*'] },
      { name: 'x', abilities: ['*'], expiresAt: '2999-01-01' },
    ]) {
      const response = await client.post('/api/v1/me/tokens').bearerToken(secret).json(body)
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED', JSON.stringify(body))
    }
    assert.equal(await tokenCount(user), 1)
  })

  test('DELETE /api/v1/me/tokens/:id revokes my token (204); another user\'s is 404', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'])
    const spare = await User.accessTokens.create(user, ['*'], { name: 'spare' })
    const theirs = await User.accessTokens.create(await createUser({ role: 'coder' }), ['*'], { name: 'theirs' })

    const response = await client.delete(`/api/v1/me/tokens/${spare.identifier}`).bearerToken(secret)
    response.assertStatus(204)
    const notMine = await client.delete(`/api/v1/me/tokens/${theirs.identifier}`).bearerToken(secret)
    notMine.assertStatus(404)
    assert.equal(notMine.body().error.code, 'TOKEN_NOT_FOUND')
    const malformed = await client.delete('/api/v1/me/tokens/abc').bearerToken(secret)
    malformed.assertStatus(422)
    assert.equal(await countRows('auth_access_tokens', { id: theirs.identifier }), 1)
  })

  test('a revoked token gets 401 UNAUTHENTICATED, including the one that revoked itself', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'])
    const own = (await client.get('/api/v1/me/tokens').bearerToken(secret)).body().data[0]
    const revoke = await client.delete(`/api/v1/me/tokens/${own.id}`).bearerToken(secret)
    revoke.assertStatus(204)

    const response = await client.get('/api/v1/me/tokens').bearerToken(secret)
    response.assertStatus(401)
    assert.equal(response.body().error.code, 'UNAUTHENTICATED')
  })

  test('an expired token gets 401 UNAUTHENTICATED', async ({ client, assert }) => {
    const user = await createUser({ role: 'coder' })
    const secret = await createAccessToken(user, ['*'], '30 days')
    await db.from('auth_access_tokens').where('tokenable_id', user.id).update({ expires_at: DateTime.utc().minus({ minutes: 1 }).toJSDate() })

    const response = await client.get('/api/v1/me/tokens').bearerToken(secret)
    response.assertStatus(401)
    assert.equal(response.body().error.code, 'UNAUTHENTICATED')
  })

  test('an integration API key gets 403 here: it has no user', async ({ client, assert }) => {
    const clinic = await createClinic()
    const { secret } = await createApiKey(clinic, ['encounters.read'])
    for (const request of [
      client.get('/api/v1/me/tokens'),
      client.post('/api/v1/me/tokens').json({ name: 'x', abilities: ['*'] }),
      client.delete('/api/v1/me/tokens/1'),
    ]) {
      const response = await request.header('x-api-key', secret)
      response.assertStatus(403)
      assert.equal(response.body().error.code, 'FORBIDDEN')
    }
  })

  test('without credentials the API answers 401', async ({ client, assert }) => {
    const response = await client.get('/api/v1/me/tokens')
    response.assertStatus(401)
    assert.equal(response.body().error.code, 'UNAUTHENTICATED')
  })
})
