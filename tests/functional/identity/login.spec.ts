import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import { createClinic, createUser, TEST_PASSWORD } from '#tests/helpers/identity'
import {
  auditEvents,
  clearLoginThrottle,
  countRows,
  createUserWithTwoFactor,
  inertiaPage,
  lastAuditEvent,
} from '#tests/helpers/console'

const GENERIC_ERROR = { error: 'Email or password is incorrect', errorCode: 'INVALID_CREDENTIALS' }

test.group('Sign-in page', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('GET /login shows the sign-in form', async ({ client, assert }) => {
    await createUser()
    const response = await client.get('/login').redirects(0)
    response.assertStatus(200)
    const page = inertiaPage(response)
    assert.equal(page.component, 'identity/login')
    assert.isNull(page.props.notice)
    assert.isNull(page.props.auth)
  })

  test('after an idle logout the page says why', async ({ client, assert }) => {
    await createUser()
    const response = await client.get('/login?reason=idle').redirects(0)
    assert.equal(inertiaPage(response).props.notice, 'idle')
  })

  test('a signed-in user is sent on to the dashboard', async ({ client }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client.get('/login').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
  })
})

test.group('POST /login', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('the right email and password sign in, reset the failure count and go to the dashboard', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician', email: 'Nurse.Jackie@clinic.test' })
    await User.query().where('id', user.id).update({ failed_login_count: 3 })

    const response = await client
      .post('/login')
      .withCsrfToken()
      .json({ email: '  NURSE.jackie@clinic.test ', password: TEST_PASSWORD })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', user.id)
    assert.isNumber(response.session('identity.lastSeenAt'))
    await user.refresh()
    assert.equal(user.failedLoginCount, 0)
    assert.isNotNull(user.lastLoginAt)

    const event = await lastAuditEvent('auth.login')
    assert.equal(event.outcome, 'success')
    assert.equal(event.actor_type, 'user')
    assert.equal(event.actor_id, String(user.id))
    assert.equal(event.ip, '127.0.0.1')
  })

  test('a wrong password is refused with the generic message, counted and audited', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client.post('/login').withCsrfToken().json({ email: user.email, password: 'not-the-password-1' }).redirects(0)

    response.assertStatus(302)
    assert.containSubset(response.flashMessages(), GENERIC_ERROR)
    response.assertSessionMissing('auth_web')
    await user.refresh()
    assert.equal(user.failedLoginCount, 1)
    const event = await lastAuditEvent('auth.login')
    assert.equal(event.outcome, 'failure')
    assert.equal(event.actor_id, String(user.id))
    assert.deepEqual(event.metadata, { reason: 'invalid_password', failedLoginCount: 1 })
  })

  test('unknown emails, wrong passwords, disabled and locked accounts get the same answer', async ({ client, assert }) => {
    const wrongPassword = await createUser({ role: 'clinician' })
    const disabled = await createUser({ role: 'clinician' })
    disabled.disabledAt = DateTime.utc()
    await disabled.save()
    const locked = await createUser({ role: 'clinician' })
    locked.lockedUntil = DateTime.utc().plus({ minutes: 10 })
    await locked.save()

    const attempts = [
      { email: 'nobody@clinic.test', password: TEST_PASSWORD, reason: 'unknown_email' },
      { email: wrongPassword.email, password: 'not-the-password-1', reason: 'invalid_password' },
      { email: disabled.email, password: TEST_PASSWORD, reason: 'disabled' },
      { email: locked.email, password: TEST_PASSWORD, reason: 'locked' },
    ]
    const answers = []
    for (const attempt of attempts) {
      const response = await client.post('/login').withCsrfToken().json({ email: attempt.email, password: attempt.password }).redirects(0)
      answers.push({ status: response.status(), location: response.header('location'), flash: response.flashMessages() })
      response.assertSessionMissing('auth_web')
      const event = await lastAuditEvent('auth.login')
      assert.equal(event.outcome, 'failure')
      assert.equal(event.metadata.reason, attempt.reason, 'the real reason is in the audit log only')
    }
    for (const answer of answers) assert.deepEqual(answer, answers[0])
    assert.containSubset(answers[0].flash, GENERIC_ERROR)

    const unknown = (await auditEvents('auth.login')).find((event) => event.metadata.reason === 'unknown_email')
    assert.equal(unknown.actor_type, 'anonymous')
  })

  test('invalid input is a validation error and nothing is checked or recorded', async ({ client, assert }) => {
    await createUser()
    const before = await countRows('audit_events')
    for (const body of [
      { email: 'not-an-email', password: TEST_PASSWORD },
      { email: '', password: TEST_PASSWORD },
      { email: 'someone@clinic.test' },
      { email: 'someone@clinic.test', password: TEST_PASSWORD, remember: true },
    ]) {
      const response = await client.post('/login').withCsrfToken().json(body).redirects(0)
      response.assertStatus(302)
      assert.isObject(response.flashMessages().inputErrorsBag, JSON.stringify(body))
      response.assertSessionMissing('auth_web')
    }
    assert.equal(await countRows('audit_events'), before)
  })

  test('a user with 2FA is not signed in yet: the code is asked for next', async ({ client, assert }) => {
    const { user } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login/two-factor')
    response.assertSessionMissing('auth_web')
    response.assertSession('identity.pendingTwoFactorUserId', user.id)
    const event = await lastAuditEvent('auth.login')
    assert.equal(event.outcome, 'success')
    assert.deepEqual(event.metadata, { twoFactor: 'pending' })
  })

  test('a new sign-in drops what the session held before (another user, 2FA passed, clinic)', async ({ client }) => {
    const earlier = await createUser({ role: 'clinician' })
    const { user } = await createUserWithTwoFactor({ role: 'clinician' })
    const response = await client
      .post('/login')
      .withCsrfToken()
      .loginAs(earlier)
      .withSession({ 'identity.twoFactorPassed': true, 'identity.clinicId': 1, 'identity.pendingTwoFactorUserId': earlier.id })
      .json({ email: user.email, password: TEST_PASSWORD })
      .redirects(0)
    response.assertHeader('location', '/login/two-factor')
    response.assertSessionMissing('auth_web')
    response.assertSessionMissing('identity.twoFactorPassed')
    response.assertSessionMissing('identity.clinicId')
    response.assertSession('identity.pendingTwoFactorUserId', user.id)
  })
})

test.group('Account lockout', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('10 wrong passwords in a row lock the account for 30 minutes, even for the right password', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    for (let attempt = 1; attempt <= 10; attempt++) {
      await client.post('/login').withCsrfToken().json({ email: user.email, password: `wrong-password-${attempt}` }).redirects(0)
    }
    await user.refresh()
    assert.isNotNull(user.lockedUntil)
    const minutes = user.lockedUntil!.diff(DateTime.utc(), 'minutes').minutes
    assert.isAbove(minutes, 29)
    assert.isAtMost(minutes, 30)

    const lockout = await lastAuditEvent('auth.lockout')
    assert.equal(lockout.actor_id, String(user.id))
    assert.equal(lockout.metadata.failedAttempts, 10)

    /* The per-account throttle would answer first; the lockout holds on its own. */
    await clearLoginThrottle()
    const response = await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    assert.containSubset(response.flashMessages(), GENERIC_ERROR)
    response.assertSessionMissing('auth_web')
    assert.equal((await lastAuditEvent('auth.login')).metadata.reason, 'locked')
  })

  test('the 10th consecutive failure locks; a success in between starts the count over', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    await User.query().where('id', user.id).update({ failed_login_count: 8 })
    await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    await user.refresh()
    assert.equal(user.failedLoginCount, 0)

    await User.query().where('id', user.id).update({ failed_login_count: 9 })
    await client.post('/login').withCsrfToken().json({ email: user.email, password: 'wrong-password-x' }).redirects(0)
    await user.refresh()
    assert.isNotNull(user.lockedUntil)
  })

  test('once the lock has passed, the right password signs in again', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    user.lockedUntil = DateTime.utc().minus({ minutes: 1 })
    await user.save()
    const response = await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', user.id)
    assert.isDefined(user.id)
  })
})

test.group('Sign-in throttling', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('an account (any email typed) gets 10 failed attempts per 15 minutes, then 429 TOO_MANY_ATTEMPTS', async ({ client, assert }) => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await client.post('/login').withCsrfToken().json({ email: 'ghost@clinic.test', password: `guess-number-${attempt}` }).redirects(0)
      assert.equal(response.flashMessages().errorCode, 'INVALID_CREDENTIALS')
    }
    const response = await client.post('/login').withCsrfToken().json({ email: 'GHOST@clinic.test', password: 'guess-number-11' }).redirects(0)
    response.assertStatus(302)
    assert.equal(response.flashMessages().errorCode, 'TOO_MANY_ATTEMPTS')
    assert.match(String(response.flashMessages().error), /^Too many attempts, try again in (1[0-5]|[1-9]) minutes?$/)

    const event = await lastAuditEvent('auth.login')
    assert.equal(event.outcome, 'failure')
    assert.deepEqual(event.metadata, { reason: 'throttled', scope: 'account' })

    /* Other accounts from the same address still get their answer. */
    const user = await createUser({ role: 'clinician' })
    const other = await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    other.assertSession('auth_web', user.id)
  })

  test('an IP address gets 20 failed attempts per 15 minutes, then even the right password is refused', async ({ client, assert }) => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      await client.post('/login').withCsrfToken().json({ email: `ghost-${attempt % 3}@clinic.test`, password: `guess-number-${attempt}` }).redirects(0)
    }
    const user = await createUser({ role: 'clinician' })
    const response = await client.post('/login').withCsrfToken().json({ email: user.email, password: TEST_PASSWORD }).redirects(0)
    assert.equal(response.flashMessages().errorCode, 'TOO_MANY_ATTEMPTS')
    response.assertSessionMissing('auth_web')

    const event = await lastAuditEvent('auth.login')
    assert.equal(event.actor_id, String(user.id))
    assert.deepEqual(event.metadata, { reason: 'throttled', scope: 'ip' })
    await user.refresh()
    assert.equal(user.failedLoginCount, 0, 'a throttled attempt is not checked, so not counted')
  })
})

test.group('Sign-out and idle logout', (group) => {
  group.each.setup(() => clearLoginThrottle())

  test('POST /logout signs out, forgets the session and is audited', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client
      .post('/logout')
      .withCsrfToken()
      .loginAs(user)
      .withSession({ 'identity.clinicId': 1 })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    response.assertSessionMissing('identity.clinicId')

    const event = await lastAuditEvent('auth.logout')
    assert.equal(event.actor_id, String(user.id))
    assert.deepEqual(event.metadata, { reason: 'user' })
  })

  test('a session idle for longer than SESSION_IDLE_MINUTES is signed out on its next request', async ({ client, assert }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client
      .get('/dashboard')
      .loginAs(user)
      .withSession({ 'identity.lastSeenAt': Date.now() - 16 * 60_000 })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login?reason=idle')
    response.assertSessionMissing('auth_web')

    const event = await lastAuditEvent('auth.logout')
    assert.equal(event.actor_id, String(user.id))
    assert.equal(event.metadata.reason, 'idle_timeout')
  })

  test('an active session is not signed out', async ({ client }) => {
    const user = await createUser({ role: 'clinician' })
    const response = await client
      .get('/dashboard')
      .loginAs(user)
      .withSession({ 'identity.lastSeenAt': Date.now() - 5 * 60_000 })
      .redirects(0)
    response.assertStatus(200)
  })

  test('console pages send guests to the sign-in page', async ({ client }) => {
    for (const path of ['/dashboard', '/account', '/account/two-factor']) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })

  test('a disabled account is signed out of its session', async ({ client }) => {
    const user = await createUser({ role: 'clinician', clinic: await createClinic() })
    await db.from('users').where('id', user.id).update({ disabled_at: new Date() })
    const response = await client.get('/dashboard').loginAs(user).redirects(0)
    response.assertHeader('location', '/login')
  })
})
