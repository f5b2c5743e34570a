import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import { TEST_PASSWORD, createAccessToken, createClinic, createUser } from '#tests/helpers/identity'
import { auditEvents, countRows, inertiaPage, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

const NEW_PASSWORD = 'copper-meadow-signal-77'

/** A fresh address each call, so tests never collide. */
let sequence = 0
const uniqueEmail = (label = 'person') => `${label}-${Date.now().toString(36)}${(sequence++).toString(36)}@clinic.test`

test.group('REST /api/v1/users: listing and search', () => {
  test('lists users a page at a time with { data, meta }', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    for (let index = 0; index < 3; index++) await createUser()
    const token = await createAccessToken(admin)

    const response = await client.get('/api/v1/users').qs({ perPage: 2, page: 1 }).bearerToken(token)
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 2)
    assert.equal(response.body().meta.perPage, 2)
    assert.equal(response.body().meta.currentPage, 1)
    assert.isAtLeast(response.body().meta.total, 4)
    assert.equal(response.body().meta.lastPage, Math.ceil(response.body().meta.total / 2))

    const second = await client.get('/api/v1/users').qs({ perPage: 2, page: 2 }).bearerToken(token)
    const firstIds = response.body().data.map((user: { id: number }) => user.id)
    for (const user of second.body().data) assert.notInclude(firstIds, user.id)
  })

  test('searches email and name case-insensitively, taking % and _ literally', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const token = await createAccessToken(admin)
    const tag = Date.now().toString(36)
    const underscore = await createUser({ email: `ab_${tag}@clinic.test` })
    const lookalike = await createUser({ email: `abx${tag}@clinic.test` })
    const percent = await createUser({ email: uniqueEmail() })
    percent.fullName = `Nurse 100% ${tag}`
    await percent.save()

    const byEmail = await client.get('/api/v1/users').qs({ q: `AB_${tag}` }).bearerToken(token)
    assert.deepEqual(
      byEmail.body().data.map((user: { id: number }) => user.id),
      [underscore.id]
    )
    assert.notInclude(JSON.stringify(byEmail.body()), lookalike.email)

    const byName = await client.get('/api/v1/users').qs({ q: `100% ${tag}` }).bearerToken(token)
    assert.deepEqual(
      byName.body().data.map((user: { id: number }) => user.id),
      [percent.id]
    )

    const wildcard = await client.get('/api/v1/users').qs({ q: '%' }).bearerToken(token)
    assert.deepEqual(
      wildcard.body().data.map((user: { id: number }) => user.id),
      [percent.id]
    )
  })

  test('filters by a system role or a clinic role', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'super_admin' })
    const token = await createAccessToken(admin)
    const clinic = await createClinic()
    const coder = await createUser({ role: 'coder', clinic })
    await createUser({ role: 'nurse', clinic })

    const coders = await client.get('/api/v1/users').qs({ role: 'coder', perPage: 100 }).bearerToken(token)
    const coderIds = coders.body().data.map((user: { id: number }) => user.id)
    assert.include(coderIds, coder.id)
    for (const user of coders.body().data) assert.isTrue(user.memberships.some((m: { role: string }) => m.role === 'coder'))

    const superAdmins = await client.get('/api/v1/users').qs({ role: 'super_admin', perPage: 100 }).bearerToken(token)
    assert.include(
      superAdmins.body().data.map((user: { id: number }) => user.id),
      admin.id
    )
    for (const user of superAdmins.body().data) assert.equal(user.systemRole, 'super_admin')
  })

  test('bad paging or an unknown role filter: 422 VALIDATION_FAILED', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    for (const qs of [{ perPage: 101 }, { page: 0 }, { role: 'wizard' }, { colour: 'red' }]) {
      const response = await client.get('/api/v1/users').qs(qs).bearerToken(token)
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED', JSON.stringify(qs))
    }
  })

  test('never sends password hashes, TOTP secrets or failed-login counters', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const target = await withTwoFactor(await createUser())
    const token = await createAccessToken(admin)

    const response = await client.get(`/api/v1/users/${target.id}`).bearerToken(token)
    response.assertStatus(200)
    const text = JSON.stringify(response.body())
    assert.notInclude(text, target.password)
    assert.notInclude(text, target.totpSecret!)
    assert.notProperty(response.body().user, 'password')
    assert.notProperty(response.body().user, 'totpSecret')
    assert.isTrue(response.body().user.twoFactorEnabled)
  })

  test('an unknown id: 404 USER_NOT_FOUND', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const response = await client.get('/api/v1/users/2147483000').bearerToken(token)
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'USER_NOT_FOUND')
  })

  test('needs users.read: a clinician gets 403 FORBIDDEN', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ role: 'clinician' }))
    const response = await client.get('/api/v1/users').bearerToken(token)
    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
  })
})

test.group('REST /api/v1/users: creating', () => {
  test('creates a user with an initial password and a first clinic role, audited in one go', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const clinic = await createClinic()
    const email = uniqueEmail('new')

    const response = await client
      .post('/api/v1/users')
      .bearerToken(await createAccessToken(admin))
      .json({ email: email.toUpperCase(), fullName: 'Ada Lovelace', password: TEST_PASSWORD, membership: { clinicId: clinic.id, role: 'coder' } })

    response.assertStatus(201)
    const created = response.body().user
    assert.equal(created.email, email, 'stored lower-cased')
    assert.equal(created.fullName, 'Ada Lovelace')
    assert.isNull(created.systemRole)
    assert.deepEqual(
      created.memberships.map((m: any) => ({ clinicId: m.clinicId, clinicName: m.clinicName, role: m.role })),
      [{ clinicId: clinic.id, clinicName: clinic.name, role: 'coder' }]
    )
    assert.notProperty(created, 'password')

    const user = await User.verifyCredentials(email, TEST_PASSWORD)
    assert.equal(user.id, created.id)

    const [userEvent] = await auditEvents('user.create', created.id)
    assert.equal(userEvent.actor_type, 'token')
    assert.equal(userEvent.actor_label, admin.email)
    assert.equal(userEvent.resource_type, 'user')
    assert.equal(userEvent.metadata.email, email)
    assert.notInclude(JSON.stringify(userEvent.metadata), TEST_PASSWORD)
    const membershipEvents = await auditEvents('membership.create')
    const [membershipEvent] = membershipEvents.filter((row) => row.metadata.userId === created.id)
    assert.equal(membershipEvent.clinic_id, clinic.id)
    assert.equal(membershipEvent.metadata.role, 'coder')
  })

  test('a duplicate email, in any case: 409 DUPLICATE_EMAIL, nothing written', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const existing = await createUser()
    const before = { users: await countRows('users'), audit: await countRows('audit_events') }

    const response = await client
      .post('/api/v1/users')
      .bearerToken(await createAccessToken(admin))
      .json({ email: existing.email.toUpperCase(), fullName: 'Twin', password: TEST_PASSWORD })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'DUPLICATE_EMAIL')
    assert.deepEqual({ users: await countRows('users'), audit: await countRows('audit_events') }, before)
  })

  test('bad input: 4xx with a stable code and nothing written', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const token = await createAccessToken(admin)
    const clinic = await createClinic()
    const valid = { email: uniqueEmail('bad'), fullName: 'Bad Input', password: TEST_PASSWORD }
    const cases: { body: Record<string, unknown>; status: number; code: string }[] = [
      { body: { ...valid, email: 'not-an-email' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, fullName: '' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, password: 'short' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, password: 'password1234' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, password: valid.email }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, systemRole: 'wizard' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, membership: { clinicId: clinic.id, role: 'wizard' } }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, membership: { clinicId: 2147483000, role: 'coder' } }, status: 404, code: 'CLINIC_NOT_FOUND' },
      { body: { ...valid, isAdmin: true }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { ...valid, systemRole: 'super_admin' }, status: 403, code: 'FORBIDDEN' },
    ]
    const before = { users: await countRows('users'), memberships: await countRows('memberships'), audit: await countRows('audit_events') }

    for (const { body, status, code } of cases) {
      const response = await client.post('/api/v1/users').bearerToken(token).json(body)
      assert.equal(response.status(), status, JSON.stringify(body))
      assert.equal(response.body().error.code, code, JSON.stringify(body))
    }
    assert.deepEqual(
      { users: await countRows('users'), memberships: await countRows('memberships'), audit: await countRows('audit_events') },
      before
    )
  })

  test('system roles: only a super_admin grants super_admin; an it_admin grants it_admin', async ({ client, assert }) => {
    const superAdmin = await createUser({ systemRole: 'super_admin' })
    const itAdmin = await createUser({ systemRole: 'it_admin' })

    const byItAdmin = await client
      .post('/api/v1/users')
      .bearerToken(await createAccessToken(itAdmin))
      .json({ email: uniqueEmail('it'), fullName: 'IT', password: TEST_PASSWORD, systemRole: 'it_admin' })
    byItAdmin.assertStatus(201)
    assert.equal(byItAdmin.body().user.systemRole, 'it_admin')

    const bySuperAdmin = await client
      .post('/api/v1/users')
      .bearerToken(await createAccessToken(superAdmin))
      .json({ email: uniqueEmail('root'), fullName: 'Root', password: TEST_PASSWORD, systemRole: 'super_admin' })
    bySuperAdmin.assertStatus(201)
    assert.equal(bySuperAdmin.body().user.systemRole, 'super_admin')
  })

  test('needs users.manage: a clinic_admin, or a token narrowed to users.read, gets 403', async ({ client, assert }) => {
    const clinicAdmin = await createUser({ role: 'clinic_admin' })
    const itAdmin = await createUser({ systemRole: 'it_admin' })
    const body = { email: uniqueEmail(), fullName: 'Nobody', password: TEST_PASSWORD }
    const before = await countRows('users')

    for (const token of [await createAccessToken(clinicAdmin), await createAccessToken(itAdmin, ['users.read'])]) {
      const response = await client.post('/api/v1/users').bearerToken(token).json(body)
      response.assertStatus(403)
      assert.equal(response.body().error.code, 'FORBIDDEN')
    }
    assert.equal(await countRows('users'), before)
  })
})

test.group('REST /api/v1/users/:id: changing', () => {
  test('changes name, email and system role; the audit event holds the old and new role', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'super_admin' })
    const target = await createUser()
    const email = uniqueEmail('renamed')

    const response = await client
      .patch(`/api/v1/users/${target.id}`)
      .bearerToken(await createAccessToken(admin))
      .json({ fullName: 'Grace Hopper', email, systemRole: 'it_admin' })

    response.assertStatus(200)
    assert.include(response.body().user, { fullName: 'Grace Hopper', email, systemRole: 'it_admin' })
    const [event] = await auditEvents('user.update', target.id)
    assert.equal(event.metadata.oldRole, null)
    assert.equal(event.metadata.newRole, 'it_admin')
    assert.sameMembers(event.metadata.fields, ['fullName', 'email', 'systemRole'])
  })

  test('changing nothing records nothing', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const target = await createUser()
    const response = await client
      .patch(`/api/v1/users/${target.id}`)
      .bearerToken(await createAccessToken(admin))
      .json({ fullName: target.fullName })
    response.assertStatus(200)
    assert.lengthOf(await auditEvents('user.update', target.id), 0)
  })

  test('bad changes: 4xx with a stable code and nothing changed', async ({ client, assert }) => {
    const itAdmin = await createUser({ systemRole: 'it_admin' })
    const superAdmin = await createUser({ systemRole: 'super_admin' })
    const other = await createUser()
    const target = await createUser()
    const token = await createAccessToken(itAdmin)
    const cases: { id: number; body: Record<string, unknown>; status: number; code: string }[] = [
      { id: target.id, body: {}, status: 422, code: 'VALIDATION_FAILED' },
      { id: target.id, body: { email: 'nope' }, status: 422, code: 'VALIDATION_FAILED' },
      { id: target.id, body: { systemRole: 'wizard' }, status: 422, code: 'VALIDATION_FAILED' },
      { id: target.id, body: { email: other.email.toUpperCase() }, status: 409, code: 'DUPLICATE_EMAIL' },
      { id: target.id, body: { systemRole: 'super_admin' }, status: 403, code: 'FORBIDDEN' },
      { id: superAdmin.id, body: { fullName: 'Demoted' }, status: 403, code: 'FORBIDDEN' },
      { id: superAdmin.id, body: { systemRole: null }, status: 403, code: 'FORBIDDEN' },
      { id: itAdmin.id, body: { systemRole: null }, status: 422, code: 'CANNOT_CHANGE_OWN_ROLE' },
      { id: 2147483000, body: { fullName: 'Ghost' }, status: 404, code: 'USER_NOT_FOUND' },
    ]
    const audit = await countRows('audit_events')

    for (const { id, body, status, code } of cases) {
      const response = await client.patch(`/api/v1/users/${id}`).bearerToken(token).json(body)
      assert.equal(response.status(), status, JSON.stringify(body))
      assert.equal(response.body().error.code, code, JSON.stringify(body))
    }
    await target.refresh()
    await superAdmin.refresh()
    assert.isNull(target.systemRole)
    assert.equal(superAdmin.systemRole, 'super_admin')
    assert.equal(superAdmin.fullName, 'Test User')
    assert.equal(await countRows('audit_events'), audit)
  })

  test('disabling turns the user away everywhere; enabling lets them back; both audited', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const adminToken = await createAccessToken(admin)
    const target = await createUser({ role: 'clinician' })
    const targetToken = await createAccessToken(target)

    const disabled = await client.post(`/api/v1/users/${target.id}/disable`).bearerToken(adminToken).json({})
    disabled.assertStatus(200)
    assert.isString(disabled.body().user.disabledAt)
    assert.lengthOf(await auditEvents('user.disable', target.id), 1)

    const apiCall = await client.get('/api/v1/users').bearerToken(targetToken)
    apiCall.assertStatus(401)
    const consoleCall = await client.get('/admin/users').loginAs(target).redirects(0)
    consoleCall.assertStatus(302)
    assert.match(consoleCall.header('location') ?? '', /^\/login/)

    const again = await client.post(`/api/v1/users/${target.id}/disable`).bearerToken(adminToken).json({})
    again.assertStatus(200)
    assert.lengthOf(await auditEvents('user.disable', target.id), 1, 'disabling twice records once')

    const enabled = await client.post(`/api/v1/users/${target.id}/enable`).bearerToken(adminToken).json({})
    enabled.assertStatus(200)
    assert.isNull(enabled.body().user.disabledAt)
    assert.lengthOf(await auditEvents('user.enable', target.id), 1)
    const afterEnable = await client.get('/api/v1/users').bearerToken(targetToken)
    afterEnable.assertStatus(403)
  })

  test('nobody disables themselves: 422 CANNOT_DISABLE_SELF, nothing changed', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const audit = await countRows('audit_events')
    const response = await client.post(`/api/v1/users/${admin.id}/disable`).bearerToken(await createAccessToken(admin)).json({})
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'CANNOT_DISABLE_SELF')
    await admin.refresh()
    assert.isNull(admin.disabledAt)
    assert.equal(await countRows('audit_events'), audit)
  })

  test('unlocking clears the lockout and the failed sign-in count, audited', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const target = await createUser()
    target.lockedUntil = DateTime.utc().plus({ minutes: 15 })
    target.failedLoginCount = 7
    await target.save()

    const response = await client.post(`/api/v1/users/${target.id}/unlock`).bearerToken(await createAccessToken(admin)).json({})
    response.assertStatus(200)
    assert.isFalse(response.body().user.locked)
    await target.refresh()
    assert.isNull(target.lockedUntil)
    assert.equal(target.failedLoginCount, 0)
    const [event] = await auditEvents('user.unlock', target.id)
    assert.equal(event.metadata.failedLoginCount, 7)
  })

  test('an admin sets a new password under the password policy, audited without it', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const token = await createAccessToken(admin)
    const target = await createUser()
    const audit = await countRows('audit_events')

    const weak = await client.post(`/api/v1/users/${target.id}/password`).bearerToken(token).json({ password: 'letmein' })
    weak.assertStatus(422)
    assert.equal(weak.body().error.code, 'VALIDATION_FAILED')
    assert.equal(await countRows('audit_events'), audit)
    await User.verifyCredentials(target.email, TEST_PASSWORD)

    const response = await client.post(`/api/v1/users/${target.id}/password`).bearerToken(token).json({ password: NEW_PASSWORD })
    response.assertStatus(200)
    const user = await User.verifyCredentials(target.email, NEW_PASSWORD)
    assert.equal(user.id, target.id)
    await assert.rejects(() => User.verifyCredentials(target.email, TEST_PASSWORD))
    const [event] = await auditEvents('user.password.reset', target.id)
    assert.notInclude(JSON.stringify(event), NEW_PASSWORD)
  })
})

test.group('Console /admin/users', () => {
  test('lists users with search and role filter as an Inertia page', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const target = await createUser({ email: uniqueEmail('listed') })

    const response = await loginAsAdmin(client.get('/admin/users').qs({ q: target.email }), admin)
    response.assertStatus(200)
    const page = inertiaPage(response.text())
    assert.equal(page.component, 'identity/users/index')
    assert.deepEqual(
      page.props.users.data.map((user: { email: string }) => user.email),
      [target.email]
    )
    assert.equal(page.props.filters.q, target.email)
    assert.notInclude(response.text(), target.password)
  })

  test('creates a user from the form and goes to their page', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const email = uniqueEmail('console')

    const response = await loginAsAdmin(client.post('/admin/users'), admin)
      .json({ email, fullName: 'Console Made', password: TEST_PASSWORD, systemRole: null, membership: null })
      .redirects(0)

    response.assertStatus(302)
    const user = await User.findByOrFail('email', email)
    assert.equal(response.header('location'), `/admin/users/${user.id}/edit`)
    response.assertFlashMessage('success', `User ${email} created`)
    assert.lengthOf(await auditEvents('user.create', user.id), 1)

    const edit = await loginAsAdmin(client.get(`/admin/users/${user.id}/edit`), admin)
    edit.assertStatus(200)
    assert.equal(inertiaPage(edit.text()).props.user.email, email)
  })

  test('a form with bad fields goes back with field errors, nothing written', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const before = { users: await countRows('users'), audit: await countRows('audit_events') }

    const response = await loginAsAdmin(client.post('/admin/users'), admin)
      .header('referer', '/admin/users/create')
      .json({ email: 'nope', fullName: 'Someone', password: 'short' })
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/users/create')
    assert.properties(response.flashMessages().inputErrorsBag, ['email', 'password'])

    const empty = await loginAsAdmin(client.post('/admin/users'), admin).json({ email: '', fullName: '', password: '' }).redirects(0)
    assert.deepEqual(empty.flashMessages().inputErrorsBag, {
      email: 'This field is required',
      fullName: 'This field is required',
      password: 'This field is required',
    })

    const halfMembership = await loginAsAdmin(client.post('/admin/users'), admin)
      .json({ email: 'half@clinic.test', fullName: 'Half', password: TEST_PASSWORD, membership: { clinicId: null, role: 'coder' } })
      .redirects(0)
    assert.deepEqual(halfMembership.flashMessages().inputErrorsBag, { 'membership.clinicId': 'This field is required' })
    assert.deepEqual({ users: await countRows('users'), audit: await countRows('audit_events') }, before)
  })

  test('a duplicate email goes back with the error as a flash message', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const existing = await createUser()
    const before = await countRows('users')

    const response = await loginAsAdmin(client.post('/admin/users'), admin)
      .json({ email: existing.email, fullName: 'Twin', password: TEST_PASSWORD })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('errorCode', 'DUPLICATE_EMAIL')
    assert.equal(await countRows('users'), before)
  })

  test('disable, enable, unlock, new password and edit work from the user page', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const target = await createUser()

    const disable = await loginAsAdmin(client.post(`/admin/users/${target.id}/disable`), admin).redirects(0)
    disable.assertStatus(302)
    disable.assertFlashMessage('success', 'User disabled')
    await target.refresh()
    assert.isNotNull(target.disabledAt)

    await loginAsAdmin(client.post(`/admin/users/${target.id}/enable`), admin).redirects(0)
    await loginAsAdmin(client.post(`/admin/users/${target.id}/unlock`), admin).redirects(0)
    await loginAsAdmin(client.post(`/admin/users/${target.id}/password`), admin).json({ password: NEW_PASSWORD }).redirects(0)
    const update = await loginAsAdmin(client.put(`/admin/users/${target.id}`), admin).json({ fullName: 'Edited In Console' }).redirects(0)
    update.assertStatus(302)

    await target.refresh()
    assert.isNull(target.disabledAt)
    assert.equal(target.fullName, 'Edited In Console')
    await User.verifyCredentials(target.email, NEW_PASSWORD)
    for (const action of ['user.disable', 'user.enable', 'user.unlock', 'user.password.reset', 'user.update']) {
      assert.lengthOf(await auditEvents(action, target.id), 1, action)
    }
  })

  test('an unknown or malformed user id answers 404', async ({ client }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    for (const id of ['2147483000', '99999999999', 'abc']) {
      const response = await loginAsAdmin(client.get(`/admin/users/${id}/edit`), admin)
      response.assertStatus(404)
    }
  })

  test('bad paging in the address goes back to the plain list with an error', async ({ client }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const response = await loginAsAdmin(client.get('/admin/users').qs({ perPage: 1000 }), admin).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/users')
    response.assertFlashMessage('error', 'The list filters are invalid (perPage); showing the whole list.')
  })
})
