import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#identity/models/user'
import Clinic from '#identity/models/clinic'
import { createUser } from '#tests/helpers/identity'
import { countRows, inertiaPage, lastAuditEvent, totpCode } from '#tests/helpers/console'

const PASSWORD = 'amber-quartz-meadow-71'
const VALID = {
  email: 'First.Admin@Clinic.test',
  fullName: 'First Admin',
  password: PASSWORD,
  passwordConfirmation: PASSWORD,
  clinicName: 'Riverside Family Practice',
  timeZone: 'Europe/Paris',
}

/*
| Each test starts from an appliance with no users, inside a transaction
| rolled back afterwards, so the other specs' users come back.
*/
test.group('First-run setup', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await db.from('users').delete()
    return rollback
  })

  test('with no users, GET /login leads to the one-time setup page', async ({ client, assert }) => {
    const login = await client.get('/login').redirects(0)
    login.assertStatus(302)
    login.assertHeader('location', '/setup')

    const response = await client.get('/setup').redirects(0)
    response.assertStatus(200)
    const page = inertiaPage(response)
    assert.equal(page.component, 'identity/setup')
    assert.include(page.props.timeZones, 'Europe/Paris')
    assert.include(page.props.timeZones, 'America/New_York')
    assert.include(page.props.timeZones, 'UTC')
  })

  test('POST /setup creates the first super_admin and clinic, signs in and asks for 2FA', async ({ client, assert }) => {
    const clinicsBefore = await countRows('clinics')
    const response = await client.post('/setup').withCsrfToken().json(VALID).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account/two-factor')

    const user = await User.findByOrFail('email', 'first.admin@clinic.test')
    assert.equal(user.systemRole, 'super_admin')
    assert.equal(user.fullName, 'First Admin')
    assert.notEqual(user.password, PASSWORD)
    const clinic = await Clinic.findByOrFail('name', 'Riverside Family Practice')
    assert.equal(clinic.timeZone, 'Europe/Paris')
    assert.equal(await countRows('clinics'), clinicsBefore + 1)
    assert.equal(await countRows('users'), 1)

    response.assertSession('auth_web', user.id)
    response.assertSession('identity.clinicId', clinic.id)
    const event = await lastAuditEvent('setup.complete')
    assert.equal(event.actor_id, String(user.id))
    assert.equal(event.clinic_id, clinic.id)
    assert.notInclude(JSON.stringify(event), PASSWORD)

    /* The new admin can do nothing but set up 2FA, then uses the console. */
    const dashboard = await client.get('/dashboard').loginAs(user).redirects(0)
    dashboard.assertHeader('location', '/account/two-factor')
    const setup = await client.get('/account/two-factor').loginAs(user)
    const secret = inertiaPage(setup).props.enrolment.secret
    const enable = await client
      .post('/account/two-factor/enable')
      .withCsrfToken()
      .loginAs(user)
      .withSession({ 'identity.pendingTotpSecret': setup.session('identity.pendingTotpSecret') })
      .json({ code: totpCode(secret) })
      .redirects(0)
    enable.assertSession('identity.twoFactorPassed', true)
    const after = await client.get('/dashboard').loginAs(user).withSession({ 'identity.twoFactorPassed': true }).redirects(0)
    after.assertStatus(200)
  })

  test('once a user exists, /setup answers 404 to GET and POST and changes nothing', async ({ client, assert }) => {
    await createUser({ role: 'clinician' })
    const clinicsBefore = await countRows('clinics')

    const page = await client.get('/setup').redirects(0)
    page.assertStatus(404)
    const post = await client.post('/setup').withCsrfToken().json(VALID).redirects(0)
    post.assertStatus(404)
    post.assertSessionMissing('auth_web')

    assert.equal(await countRows('users'), 1)
    assert.equal(await countRows('clinics'), clinicsBefore)
    assert.isNull(await lastAuditEvent('setup.complete'))
  })

  test('the first setup closes the page: a second submission is 404', async ({ client, assert }) => {
    await client.post('/setup').withCsrfToken().json(VALID).redirects(0)
    const second = await client
      .post('/setup')
      .withCsrfToken()
      .json({ ...VALID, email: 'second@clinic.test', clinicName: 'Another clinic' })
      .redirects(0)
    second.assertStatus(404)
    assert.equal(await countRows('users'), 1)
    assert.isNull(await Clinic.findBy('name', 'Another clinic'))
  })

  test('bad input is refused field by field and creates nothing', async ({ client, assert }) => {
    const clinicsBefore = await countRows('clinics')
    const cases: { body: Record<string, unknown>; field: string }[] = [
      { body: { ...VALID, email: 'not-an-email' }, field: 'email' },
      { body: { ...VALID, email: 'admin@' }, field: 'email' },
      { body: { ...VALID, password: 'short-pw-1', passwordConfirmation: 'short-pw-1' }, field: 'password' },
      { body: { ...VALID, password: 'qwerty123456', passwordConfirmation: 'qwerty123456' }, field: 'password' },
      { body: { ...VALID, password: 'LEAVEMEALONE', passwordConfirmation: 'LEAVEMEALONE' }, field: 'password' },
      {
        body: { ...VALID, email: 'long.address@clinic.test', password: 'long.address@clinic.test', passwordConfirmation: 'long.address@clinic.test' },
        field: 'password',
      },
      { body: { ...VALID, passwordConfirmation: 'something-else-entirely' }, field: 'passwordConfirmation' },
      { body: { ...VALID, timeZone: 'Mars/Olympus_Mons' }, field: 'timeZone' },
      { body: { ...VALID, timeZone: '' }, field: 'timeZone' },
      { body: { ...VALID, clinicName: '   ' }, field: 'clinicName' },
      { body: { ...VALID, fullName: '' }, field: 'fullName' },
      { body: { ...VALID, systemRole: 'it_admin' }, field: 'form' },
    ]
    for (const { body, field } of cases) {
      const response = await client.post('/setup').withCsrfToken().json(body).redirects(0)
      response.assertStatus(302)
      assert.include(Object.keys(response.flashMessages().inputErrorsBag ?? {}), field, JSON.stringify(body))
      response.assertSessionMissing('auth_web')
    }
    assert.equal(await countRows('users'), 0)
    assert.equal(await countRows('clinics'), clinicsBefore)
    assert.isNull(await lastAuditEvent('setup.complete'))
  })
})
