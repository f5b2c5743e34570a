import { test } from '@japa/runner'
import encryption from '@adonisjs/core/services/encryption'
import User from '#identity/models/user'
import { createClinic, createUser, TEST_PASSWORD } from '#tests/helpers/identity'
import {
  clearLoginThrottle,
  createUserWithTwoFactor,
  inertiaPage,
  lastAuditEvent,
  totpCode,
  TWO_FACTOR_PASSED,
  wrongTotpCode,
} from '#tests/helpers/console'

const PENDING_SECRET = 'identity.pendingTotpSecret'
const decrypt = (value: string) => encryption.decrypt<string>(value)

test.group('Turning 2FA on', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('the setup page shows a new secret as a QR code and text, kept encrypted in the session', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client.get('/account/two-factor').loginAs(user).redirects(0)
    response.assertStatus(200)

    const page = inertiaPage(response)
    assert.equal(page.component, 'identity/two_factor_setup')
    assert.isFalse(page.props.enabled)
    assert.isFalse(page.props.required)
    const { secret, qrDataUrl, uri } = page.props.enrolment
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.match(qrDataUrl, /^data:image\/png;base64,/)
    assert.match(uri, /^otpauth:\/\/totp\/Clinibox:.+\?.*secret=/)
    assert.include(uri, 'algorithm=SHA1')
    assert.include(uri, 'digits=6')
    assert.include(uri, 'period=30')

    const stored = response.session(PENDING_SECRET)
    assert.notInclude(stored, secret, 'the session holds the secret encrypted')
    assert.equal(decrypt(stored), secret)
  })

  test('reloading the page keeps the secret being enrolled', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const first = await client.get('/account/two-factor').loginAs(user)
    const pending = first.session(PENDING_SECRET)
    const second = await client.get('/account/two-factor').loginAs(user).withSession({ [PENDING_SECRET]: pending })
    assert.equal(inertiaPage(second).props.enrolment.secret, decrypt(pending))
  })

  test('a code from the app turns 2FA on: the secret is stored encrypted and the change audited', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const setup = await client.get('/account/two-factor').loginAs(user)
    const secret = inertiaPage(setup).props.enrolment.secret

    const response = await client
      .post('/account/two-factor/enable')
      .withCsrfToken()
      .loginAs(user)
      .withSession({ [PENDING_SECRET]: setup.session(PENDING_SECRET) })
      .json({ code: totpCode(secret) })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account/two-factor')
    response.assertSession('identity.twoFactorPassed', true)
    response.assertSessionMissing(PENDING_SECRET)

    await user.refresh()
    assert.isNotNull(user.totpEnabledAt)
    assert.notInclude(user.totpSecret!, secret)
    assert.equal(decrypt(user.totpSecret!), secret)
    const event = await lastAuditEvent('user.2fa.enable')
    assert.equal(event.actor_id, String(user.id))
    assert.equal(event.resource_id, String(user.id))
    assert.notInclude(JSON.stringify(event), secret)
  })

  test('a wrong or malformed code, or no pending secret, turns nothing on', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const setup = await client.get('/account/two-factor').loginAs(user)
    const secret = inertiaPage(setup).props.enrolment.secret
    const pending = { [PENDING_SECRET]: setup.session(PENDING_SECRET) }

    for (const code of [wrongTotpCode(secret), '12345', '1234567', '12a456', '']) {
      const response = await client.post('/account/two-factor/enable').withCsrfToken().loginAs(user).withSession(pending).json({ code }).redirects(0)
      response.assertStatus(302)
      assert.property(response.flashMessages().inputErrorsBag, 'code', code)
    }
    const noPending = await client.post('/account/two-factor/enable').withCsrfToken().loginAs(user).json({ code: totpCode(secret) }).redirects(0)
    assert.equal(noPending.flashMessages().errorCode, 'TWO_FACTOR_SETUP_EXPIRED')

    await user.refresh()
    assert.isNull(user.totpEnabledAt)
    assert.isNull(user.totpSecret)
  })
})

test.group('The 2FA sign-in challenge', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('without a password step first, the challenge page sends you to sign in', async ({ client }) => {
    const response = await client.get('/login/two-factor').redirects(0)
    response.assertHeader('location', '/login')
  })

  test('after the password, the page asks for the code', async ({ client, assert }) => {
    const { user } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client.get('/login/two-factor').withSession({ 'identity.pendingTwoFactorUserId': user.id })
    const page = inertiaPage(response)
    assert.equal(page.component, 'identity/two_factor_challenge')
    assert.equal(page.props.email, user.email)
  })

  test('the right code completes the sign-in: logged in, challenge passed, audited', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    await User.query().where('id', user.id).update({ failed_login_count: 4 })

    const response = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .withSession({ 'identity.pendingTwoFactorUserId': user.id })
      .json({ code: totpCode(secret) })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', user.id)
    response.assertSession('identity.twoFactorPassed', true)
    response.assertSessionMissing('identity.pendingTwoFactorUserId')

    await user.refresh()
    assert.equal(user.failedLoginCount, 0)
    assert.isNotNull(user.lastLoginAt)
    const event = await lastAuditEvent('auth.2fa.verify')
    assert.equal(event.outcome, 'success')
    assert.equal(event.actor_id, String(user.id))
  })

  test('a code from the previous 30 s step is still accepted (clock drift)', async ({ client }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .withSession({ 'identity.pendingTwoFactorUserId': user.id })
      .json({ code: totpCode(secret, -1) })
      .redirects(0)
    response.assertSession('auth_web', user.id)
  })

  test('malformed codes are validation errors and count nothing', async ({ client, assert }) => {
    const { user } = await createUserWithTwoFactor({ role: 'clinician' })
    for (const body of [{ code: '12345' }, { code: 'abcdef' }, { code: '1234567' }, {}, { code: 123456 }, { code: '123456', extra: 1 }]) {
      const response = await client
        .post('/login/two-factor')
        .withCsrfToken()
        .withSession({ 'identity.pendingTwoFactorUserId': user.id })
        .json(body)
        .redirects(0)
      assert.isObject(response.flashMessages().inputErrorsBag, JSON.stringify(body))
      response.assertSessionMissing('auth_web')
    }
    await user.refresh()
    assert.equal(user.failedLoginCount, 0)
  })

  test('a wrong code is refused, audited and counts towards the lockout', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .withSession({ 'identity.pendingTwoFactorUserId': user.id })
      .json({ code: wrongTotpCode(secret) })
      .redirects(0)
    response.assertStatus(302)
    assert.deepEqual(response.flashMessages(), { error: 'The code is not correct', errorCode: 'INVALID_CODE' })
    response.assertSessionMissing('auth_web')

    await user.refresh()
    assert.equal(user.failedLoginCount, 1)
    const event = await lastAuditEvent('auth.2fa.verify')
    assert.equal(event.outcome, 'failure')
    assert.equal(event.metadata.reason, 'invalid_code')
  })

  test('the 10th wrong attempt locks the account and ends the challenge', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    await User.query().where('id', user.id).update({ failed_login_count: 9 })
    const response = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .withSession({ 'identity.pendingTwoFactorUserId': user.id })
      .json({ code: wrongTotpCode(secret) })
      .redirects(0)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('identity.pendingTwoFactorUserId')
    assert.equal(response.flashMessages().errorCode, 'INVALID_CREDENTIALS')
    await user.refresh()
    assert.isNotNull(user.lockedUntil)
    assert.equal((await lastAuditEvent('auth.lockout')).actor_id, String(user.id))

    /* Even the right code does not get in while locked. */
    const again = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .withSession({ 'identity.pendingTwoFactorUserId': user.id })
      .json({ code: totpCode(secret) })
      .redirects(0)
    again.assertHeader('location', '/login')
    again.assertSessionMissing('auth_web')
  })

  test('a signed-in session that has not passed the challenge is sent to it', async ({ client }) => {
    const { user } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client.get('/dashboard').loginAs(user).redirects(0)
    response.assertHeader('location', '/login/two-factor')
  })
})

test.group('2FA for administrators', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('an admin without 2FA can only reach the 2FA setup page and sign out', async ({ client, assert }) => {
    for (const options of [{ systemRole: 'super_admin' as const }, { systemRole: 'it_admin' as const }, { role: 'clinic_admin' as const }]) {
      const admin = await createUser(options)
      for (const path of ['/dashboard', '/account']) {
        const response = await client.get(path).loginAs(admin).redirects(0)
        response.assertStatus(302)
        response.assertHeader('location', '/account/two-factor')
      }
      const blockedPost = await client.post('/account/password').withCsrfToken().loginAs(admin).json({}).redirects(0)
      blockedPost.assertHeader('location', '/account/two-factor')

      const setup = await client.get('/account/two-factor').loginAs(admin).redirects(0)
      setup.assertStatus(200)
      assert.isTrue(inertiaPage(setup).props.required)

      const logout = await client.post('/logout').withCsrfToken().loginAs(admin).redirects(0)
      logout.assertHeader('location', '/login')
    }
  })

  test('once 2FA is on and passed, the admin uses the console', async ({ client }) => {
    const { user } = await createUserWithTwoFactor({ systemRole: 'super_admin' })
    await createClinic()
    const response = await client.get('/dashboard').loginAs(user).withSession(TWO_FACTOR_PASSED).redirects(0)
    response.assertStatus(200)
  })
})

test.group('Turning 2FA off', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('with the password and a current code, for a role that does not require it', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client
      .post('/account/two-factor/disable')
      .withCsrfToken()
      .loginAs(user)
      .withSession(TWO_FACTOR_PASSED)
      .json({ password: TEST_PASSWORD, code: totpCode(secret) })
      .redirects(0)
    response.assertHeader('location', '/account/two-factor')
    response.assertSessionMissing('identity.twoFactorPassed')
    await user.refresh()
    assert.isNull(user.totpEnabledAt)
    assert.isNull(user.totpSecret)
    const event = await lastAuditEvent('user.2fa.disable')
    assert.equal(event.outcome, 'success')
    assert.equal(event.actor_id, String(user.id))
  })

  test('a wrong password or code, or a malformed code, leaves 2FA on', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinician' })
    const cases = [
      { body: { password: 'not-the-password-1', code: totpCode(secret) }, field: 'password' },
      { body: { password: TEST_PASSWORD, code: wrongTotpCode(secret) }, field: 'code' },
      { body: { password: TEST_PASSWORD, code: '12 34' }, field: 'code' },
      { body: { password: TEST_PASSWORD }, field: 'code' },
    ]
    for (const { body, field } of cases) {
      const response = await client
        .post('/account/two-factor/disable')
        .withCsrfToken()
        .loginAs(user)
        .withSession(TWO_FACTOR_PASSED)
        .json(body)
        .redirects(0)
      assert.property(response.flashMessages().inputErrorsBag, field, JSON.stringify(body))
    }
    await user.refresh()
    assert.isNotNull(user.totpEnabledAt)
  })

  test('is refused with 409 TWO_FACTOR_REQUIRED for roles that require 2FA', async ({ client, assert }) => {
    const { user, secret } = await createUserWithTwoFactor({ role: 'clinic_admin' })
    const response = await client
      .post('/account/two-factor/disable')
      .withCsrfToken()
      .loginAs(user)
      .withSession(TWO_FACTOR_PASSED)
      .json({ password: TEST_PASSWORD, code: totpCode(secret) })
      .redirects(0)
    assert.equal(response.flashMessages().errorCode, 'TWO_FACTOR_REQUIRED')
    await user.refresh()
    assert.isNotNull(user.totpEnabledAt)
  })
})
