import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import { verifyAuditChain } from '#audit/index'
import Membership from '#identity/models/membership'
import { createClinic, createUser, TEST_PASSWORD } from '#tests/helpers/identity'
import { countRows, createUserWithTwoFactor, inertiaPage, lastAuditEvent, TWO_FACTOR_PASSED } from '#tests/helpers/console'

const NEW_PASSWORD = 'cobalt-river-orchard-58'

test.group('My account page', () => {
  test('shows the profile, the 2FA status and the personal access tokens', async ({ client, assert }) => {
    const clinic = await createClinic()
    const user = await createUser({ role: 'coder', clinic })
    await createUser({ role: 'coder', clinic })
    const response = await client.get('/account').loginAs(user)
    response.assertStatus(200)

    const page = inertiaPage(response)
    assert.equal(page.component, 'identity/account')
    assert.containSubset(page.props.profile, { email: user.email, fullName: 'Test User', role: 'coder', twoFactorEnabled: false, twoFactorRequired: false })
    assert.deepEqual(page.props.tokens, [])
    assert.sameMembers(page.props.grantableAbilities, ['encounters.create', 'encounters.read', 'phi.detect'])
    assert.isNull(page.props.newToken)
    assert.equal(page.props.auth.user.email, user.email)
  })
})

test.group('Changing my password', () => {
  test('with the current password and a good new one: changed and audited, the old one stops working', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const changedBefore = user.passwordChangedAt
    const response = await client
      .post('/account/password')
      .withCsrfToken()
      .loginAs(user)
      .json({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account')
    response.assertFlashMessage('success', 'Your password was changed')

    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
    assert.isFalse(await hash.verify(user.password, TEST_PASSWORD))
    assert.isTrue(user.passwordChangedAt > changedBefore)
    const event = await lastAuditEvent('user.password.change')
    assert.equal(event.outcome, 'success')
    assert.equal(event.actor_id, String(user.id))
    assert.notInclude(JSON.stringify(event), NEW_PASSWORD)
    assert.notInclude(JSON.stringify(event), TEST_PASSWORD)
  })

  test('bad input changes nothing', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician', email: 'pat.smith.nurse@clinic.test' })
    const hashBefore = user.password
    const cases: { body: Record<string, unknown>; field: string }[] = [
      { body: { currentPassword: 'not-my-password-1', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, field: 'currentPassword' },
      { body: { currentPassword: TEST_PASSWORD, password: 'short-pw-1', passwordConfirmation: 'short-pw-1' }, field: 'password' },
      { body: { currentPassword: TEST_PASSWORD, password: '1q2w3e4r5t6y', passwordConfirmation: '1q2w3e4r5t6y' }, field: 'password' },
      {
        body: { currentPassword: TEST_PASSWORD, password: 'Pat.Smith.Nurse@clinic.test', passwordConfirmation: 'Pat.Smith.Nurse@clinic.test' },
        field: 'password',
      },
      { body: { currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, passwordConfirmation: TEST_PASSWORD }, field: 'password' },
      { body: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirmation: 'cobalt-river-orchard-59' }, field: 'passwordConfirmation' },
      { body: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD }, field: 'passwordConfirmation' },
      { body: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, userId: 1 }, field: 'form' },
    ]
    for (const { body, field } of cases) {
      const response = await client.post('/account/password').withCsrfToken().loginAs(user).json(body).redirects(0)
      response.assertStatus(302)
      assert.include(Object.keys(response.flashMessages().inputErrorsBag ?? {}), field, JSON.stringify(body))
    }
    await user.refresh()
    assert.equal(user.password, hashBefore)
  })
})

test.group('Clinic switcher', () => {
  test('switches the session to another of my clinics, audited', async ({ client, assert }) => {
    const first = await createClinic()
    const second = await createClinic()
    const user = await createUser({ role: 'clinician', clinic: first })
    await Membership.create({ userId: user.id, clinicId: second.id, role: 'coder' })

    const response = await client
      .post('/session/clinic')
      .withCsrfToken()
      .loginAs(user)
      .header('referer', '/account')
      .json({ clinicId: second.id })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account')
    response.assertSession('identity.clinicId', second.id)

    const event = await lastAuditEvent('session.clinic.switch')
    assert.equal(event.clinic_id, second.id)
    assert.equal(event.actor_id, String(user.id))
    assert.deepEqual(event.metadata, { fromClinicId: first.id, role: 'coder' })

    const dashboard = await client.get('/dashboard').loginAs(user).withSession({ 'identity.clinicId': second.id })
    assert.containSubset(inertiaPage(dashboard).props, { role: 'coder', clinic: { id: second.id, name: second.name } })
  })

  test("another clinic is 404 CLINIC_NOT_FOUND and the session's clinic stays", async ({ client, assert }) => {
    const mine = await createClinic()
    const other = await createClinic()
    const user = await createUser({ role: 'clinician', clinic: mine })
    const before = await countRows('audit_events', { action: 'session.clinic.switch' })

    for (const clinicId of [other.id, 2_000_000_000]) {
      const response = await client
        .post('/session/clinic')
        .withCsrfToken()
        .loginAs(user)
        .withSession({ 'identity.clinicId': mine.id })
        .json({ clinicId })
        .redirects(0)
      assert.equal(response.flashMessages().errorCode, 'CLINIC_NOT_FOUND')
      assert.equal(response.session('identity.clinicId'), mine.id)
    }
    for (const body of [{ clinicId: 'abc' }, { clinicId: -1 }, {}]) {
      const response = await client.post('/session/clinic').withCsrfToken().loginAs(user).json(body).redirects(0)
      assert.property(response.flashMessages().inputErrorsBag ?? {}, 'clinicId', JSON.stringify(body))
    }
    assert.equal(await countRows('audit_events', { action: 'session.clinic.switch' }), before)
  })

  test('system roles may switch to any clinic', async ({ client }) => {
    const { user } = await createUserWithTwoFactor({ systemRole: 'it_admin' })
    const anyClinic = await createClinic()
    const response = await client
      .post('/session/clinic')
      .withCsrfToken()
      .loginAs(user)
      .withSession(TWO_FACTOR_PASSED)
      .json({ clinicId: anyClinic.id })
      .redirects(0)
    response.assertSession('identity.clinicId', anyClinic.id)
  })
})

test.group('Dashboard', () => {
  test('welcomes the user with the active clinic and role, without the audit card for others', async ({ client, assert }) => {
    const clinic = await createClinic({ timeZone: 'America/Chicago' })
    const user = await createUser({ role: 'front_desk', clinic })
    const response = await client.get('/dashboard').loginAs(user)
    const page = inertiaPage(response)
    assert.equal(page.component, 'platform/dashboard')
    assert.deepEqual(page.props.clinic, { id: clinic.id, name: clinic.name, timeZone: 'America/Chicago' })
    assert.equal(page.props.role, 'front_desk')
    assert.equal(page.props.fullName, 'Test User')
    assert.isFalse(page.props.canReadAudit)
    assert.isNull(page.props.auditVerification)
  })

  test('shows the last audit chain verification to users with audit.read', async ({ client, assert }) => {
    const user = await createUser({ role: 'auditor' })
    const before = inertiaPage(await client.get('/dashboard').loginAs(user)).props
    assert.isTrue(before.canReadAudit)

    const verification = await verifyAuditChain()
    const page = inertiaPage(await client.get('/dashboard').loginAs(user))
    assert.containSubset(page.props.auditVerification, {
      intact: true,
      checkedEvents: verification.checkedEvents,
      verifiedAt: verification.verifiedAt.toISOString(),
    })
  })
})
