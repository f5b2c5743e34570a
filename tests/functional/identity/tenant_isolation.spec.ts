import { test } from '@japa/runner'
import Membership from '#identity/models/membership'
import type Clinic from '#identity/models/clinic'
import type User from '#identity/models/user'
import { createAccessToken, createApiKey, createClinic, createUser } from '#tests/helpers/identity'
import { countRows, inertiaPage, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

/**
 * Two clinics. Clinic A's clinic_admin must find nothing of clinic B: not
 * its users (by id, in the list, in a search), not its API keys, not the
 * clinic itself. Everything of B answers 404 to them, as if it did not exist.
 */
let clinicA: Clinic
let clinicB: Clinic
let adminA: User
let nurseA: User
let nurseB: User
let sharedUser: User
let tokenA: string

async function setUpTwoClinics() {
  clinicA = await createClinic()
  clinicB = await createClinic()
  adminA = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic: clinicA }))
  nurseA = await createUser({ role: 'nurse', clinic: clinicA })
  nurseB = await createUser({ role: 'nurse', clinic: clinicB })
  sharedUser = await createUser({ role: 'coder', clinic: clinicA })
  await Membership.create({ userId: sharedUser.id, clinicId: clinicB.id, role: 'auditor' })
  tokenA = await createAccessToken(adminA)
}

test.group('Tenant isolation: users', (group) => {
  group.each.setup(setUpTwoClinics)

  test('the list holds only clinic A’s users', async ({ client, assert }) => {
    const response = await client.get('/api/v1/users').qs({ perPage: 100 }).bearerToken(tokenA)
    response.assertStatus(200)
    const ids = response.body().data.map((user: { id: number }) => user.id)
    assert.sameMembers(ids, [adminA.id, nurseA.id, sharedUser.id])
    assert.equal(response.body().meta.total, 3)
  })

  test('a search for clinic B’s user finds nothing', async ({ client, assert }) => {
    const response = await client.get('/api/v1/users').qs({ q: nurseB.email }).bearerToken(tokenA)
    response.assertStatus(200)
    assert.deepEqual(response.body().data, [])
    const byRole = await client.get('/api/v1/users').qs({ role: 'auditor' }).bearerToken(tokenA)
    assert.deepEqual(byRole.body().data, [], 'sharedUser is an auditor only in clinic B')
  })

  test('clinic B’s user by id: 404 USER_NOT_FOUND, for reading and for changing memberships', async ({ client, assert }) => {
    const bMembership = await Membership.findByOrFail('user_id', nurseB.id)
    const before = await countRows('memberships')
    const responses = [
      await client.get(`/api/v1/users/${nurseB.id}`).bearerToken(tokenA),
      await client.post(`/api/v1/users/${nurseB.id}/memberships`).bearerToken(tokenA).json({ clinicId: clinicA.id, role: 'nurse' }),
      await client.patch(`/api/v1/users/${nurseB.id}/memberships/${bMembership.id}`).bearerToken(tokenA).json({ role: 'student' }),
      await client.delete(`/api/v1/users/${nurseB.id}/memberships/${bMembership.id}`).bearerToken(tokenA),
    ]
    for (const response of responses) {
      response.assertStatus(404)
      assert.equal(response.body().error.code, 'USER_NOT_FOUND')
      assert.notInclude(JSON.stringify(response.body()), nurseB.email)
    }
    assert.equal(await countRows('memberships'), before)
    await bMembership.refresh()
    assert.equal(bMembership.role, 'nurse')
  })

  test('a user of both clinics shows only their clinic A role, and their B membership cannot be touched', async ({ client, assert }) => {
    const response = await client.get(`/api/v1/users/${sharedUser.id}`).bearerToken(tokenA)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().user.memberships.map((m: { clinicId: number; role: string }) => [m.clinicId, m.role]),
      [[clinicA.id, 'coder']]
    )
    assert.notInclude(JSON.stringify(response.body()), clinicB.name)

    const bMembership = await Membership.query().where('user_id', sharedUser.id).where('clinic_id', clinicB.id).firstOrFail()
    const change = await client.patch(`/api/v1/users/${sharedUser.id}/memberships/${bMembership.id}`).bearerToken(tokenA).json({ role: 'student' })
    change.assertStatus(404)
    assert.equal(change.body().error.code, 'MEMBERSHIP_NOT_FOUND')
    const remove = await client.delete(`/api/v1/users/${sharedUser.id}/memberships/${bMembership.id}`).bearerToken(tokenA)
    remove.assertStatus(404)
    await bMembership.refresh()
    assert.equal(bMembership.role, 'auditor')
  })

  test('asking to act in clinic B: 404 CLINIC_NOT_FOUND', async ({ client, assert }) => {
    const response = await client.get('/api/v1/users').bearerToken(tokenA).header('x-clinic-id', String(clinicB.id))
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'CLINIC_NOT_FOUND')
  })

  test('clinic A’s API key sees only clinic A’s users', async ({ client, assert }) => {
    const { secret } = await createApiKey(clinicA, ['users.read'])
    const list = await client.get('/api/v1/users').qs({ perPage: 100 }).header('x-api-key', secret)
    assert.sameMembers(
      list.body().data.map((user: { id: number }) => user.id),
      [adminA.id, nurseA.id, sharedUser.id]
    )
    const other = await client.get(`/api/v1/users/${nurseB.id}`).header('x-api-key', secret)
    other.assertStatus(404)
  })

  test('the console: list, search and user page of clinic B answer nothing or 404', async ({ client, assert }) => {
    const list = await loginAsAdmin(client.get('/admin/users').qs({ perPage: 100 }), adminA)
    list.assertStatus(200)
    const emails = inertiaPage(list.text()).props.users.data.map((user: { email: string }) => user.email)
    assert.sameMembers(emails, [adminA.email, nurseA.email, sharedUser.email])
    assert.notInclude(list.text(), nurseB.email)

    const search = await loginAsAdmin(client.get('/admin/users').qs({ q: nurseB.email }), adminA)
    assert.deepEqual(inertiaPage(search.text()).props.users.data, [])

    const page = await loginAsAdmin(client.get(`/admin/users/${nurseB.id}/edit`), adminA)
    page.assertStatus(404)
    assert.notInclude(page.text(), nurseB.email)
  })
})

test.group('Tenant isolation: API keys', (group) => {
  group.each.setup(setUpTwoClinics)

  test('the list holds only clinic A’s keys; asking for clinic B’s: 404', async ({ client, assert }) => {
    const { apiKey: keyA } = await createApiKey(clinicA, ['users.read'])
    const { apiKey: keyB } = await createApiKey(clinicB, ['users.read'])

    const list = await client.get('/api/v1/api-keys').bearerToken(tokenA)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((key: { id: number }) => key.id),
      [keyA.id]
    )
    assert.notInclude(JSON.stringify(list.body()), keyB.prefix)

    const other = await client.get('/api/v1/api-keys').qs({ clinicId: clinicB.id }).bearerToken(tokenA)
    other.assertStatus(404)
    assert.equal(other.body().error.code, 'CLINIC_NOT_FOUND')
  })

  test('revoking clinic B’s key: 404 API_KEY_NOT_FOUND, and the key keeps working', async ({ client, assert }) => {
    const { apiKey: keyB, secret } = await createApiKey(clinicB, ['users.read'])
    const audit = await countRows('audit_events')

    const response = await client.delete(`/api/v1/api-keys/${keyB.id}`).bearerToken(tokenA)
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'API_KEY_NOT_FOUND')
    await keyB.refresh()
    assert.isNull(keyB.revokedAt)
    assert.equal(await countRows('audit_events'), audit)
    ;(await client.get('/api/v1/users').header('x-api-key', secret)).assertStatus(200)
  })

  test('creating a key for clinic B: 404 CLINIC_NOT_FOUND, nothing written', async ({ client, assert }) => {
    const before = await countRows('api_keys')
    const response = await client.post('/api/v1/api-keys').bearerToken(tokenA).json({ name: 'Sneaky', abilities: ['users.read'], clinicId: clinicB.id })
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'CLINIC_NOT_FOUND')
    assert.equal(await countRows('api_keys'), before)
  })

  test('the console: the keys page of clinic B and revoking its key answer 404', async ({ client, assert }) => {
    const { apiKey: keyB } = await createApiKey(clinicB, ['users.read'])

    const page = await loginAsAdmin(client.get('/admin/api-keys').qs({ clinicId: clinicB.id }), adminA)
    page.assertStatus(404)

    const own = await loginAsAdmin(client.get('/admin/api-keys'), adminA)
    assert.notInclude(own.text(), keyB.prefix)

    const revoke = await loginAsAdmin(client.post(`/admin/api-keys/${keyB.id}/revoke`), adminA).redirects(0)
    revoke.assertStatus(302)
    revoke.assertFlashMessage('errorCode', 'API_KEY_NOT_FOUND')
    await keyB.refresh()
    assert.isNull(keyB.revokedAt)
  })

  test('a system admin sees every clinic’s keys by naming the clinic', async ({ client, assert }) => {
    const { apiKey: keyB } = await createApiKey(clinicB, ['users.read'])
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const response = await client.get('/api/v1/api-keys').qs({ clinicId: clinicB.id }).bearerToken(token)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((key: { id: number }) => key.id),
      [keyB.id]
    )
  })
})
