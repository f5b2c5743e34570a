import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import AdminCreate from '#identity/commands/admin_create'
import AdminResetPassword from '#identity/commands/admin_reset_password'
import User from '#identity/models/user'
import Clinic from '#identity/models/clinic'
import { createClinic, createUser, TEST_PASSWORD } from '#tests/helpers/identity'
import { countRows, lastAuditEvent } from '#tests/helpers/console'
import { startAce } from '#tests/helpers/child_process'

const PASSWORD = 'saffron-harbor-kestrel-93'

/** Runs the command in this process; its log lines are kept for assertions. */
async function run(command: typeof AdminCreate | typeof AdminResetPassword, args: string[]) {
  const instance = await ace.create(command, args)
  await instance.exec()
  return instance
}

/** Pretends stdin is a terminal, so missing values are prompted for. */
function asTerminal(cleanup: (fn: () => void) => void) {
  const before = process.stdin.isTTY
  process.stdin.isTTY = true
  cleanup(() => {
    process.stdin.isTTY = before
  })
}

/*
| Each test runs in a transaction rolled back afterwards, so a test can start
| from an appliance without clinics or users.
*/
test.group('node ace admin:create', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a super_admin, audited with actor system', async ({ assert }) => {
    await createClinic()
    const clinicsBefore = await countRows('clinics')
    const command = await run(AdminCreate, ['--email', 'Ops.Admin@Clinic.test', '--name', 'Ops Admin', '--password', PASSWORD])
    command.assertSucceeded()
    command.assertLogMatches(/Created super_admin ops\.admin@clinic\.test/)

    const user = await User.findByOrFail('email', 'ops.admin@clinic.test')
    assert.equal(user.systemRole, 'super_admin')
    assert.isTrue(await hash.verify(user.password, PASSWORD))
    assert.equal(await countRows('clinics'), clinicsBefore, 'clinics exist already: none created')

    const event = await lastAuditEvent('admin.create')
    assert.equal(event.actor_type, 'system')
    assert.equal(event.resource_id, String(user.id))
    assert.notInclude(JSON.stringify(event), PASSWORD)
  })

  test('creates the first clinic too when there is none', async ({ assert }) => {
    await db.from('users').delete()
    await db.from('clinics').delete()
    const command = await run(AdminCreate, [
      '--email=first@clinic.test',
      '--name=First Admin',
      `--password=${PASSWORD}`,
      '--clinic-name=Hillside Clinic',
      '--time-zone=America/Denver',
    ])
    command.assertSucceeded()
    const clinic = await Clinic.findByOrFail('name', 'Hillside Clinic')
    assert.equal(clinic.timeZone, 'America/Denver')
    assert.equal((await lastAuditEvent('admin.create')).metadata.clinicCreated, clinic.id)
  })

  test('without clinic flags the first clinic is "Main clinic" in UTC', async ({ assert }) => {
    await db.from('users').delete()
    await db.from('clinics').delete()
    const command = await run(AdminCreate, ['--email=first@clinic.test', '--name=First Admin', `--password=${PASSWORD}`])
    command.assertSucceeded()
    const clinics = await Clinic.all()
    assert.lengthOf(clinics, 1)
    assert.containSubset(clinics[0].toJSON(), { name: 'Main clinic', timeZone: 'UTC' })
  })

  test('bad input prints what is wrong, exits 1 and writes nothing', async ({ assert }) => {
    const taken = await createUser({ email: 'taken@clinic.test' })
    await db.from('clinics').delete()
    const usersBefore = await countRows('users')
    const auditBefore = await countRows('audit_events')

    const cases: { args: string[]; message: RegExp }[] = [
      { args: ['--email=not-an-email', '--name=A', `--password=${PASSWORD}`], message: /--email: Enter a valid email address/ },
      { args: ['--email=a@clinic.test', '--name=A', '--password=short-pw-1'], message: /--password: Use at least 12 characters/ },
      { args: ['--email=a@clinic.test', '--name=A', '--password=qwerty123456'], message: /--password: This password is too common/ },
      { args: ['--email=a@clinic.test', '--name=A', '--password=A@Clinic.test'], message: /--password: / },
      { args: [`--email=${taken.email.toUpperCase()}`, '--name=A', `--password=${PASSWORD}`], message: /already exists/ },
      { args: ['--email=a@clinic.test', '--name=A', `--password=${PASSWORD}`, '--time-zone=Mars/Base'], message: /--time-zone: Unknown time zone/ },
      { args: ['--email=a@clinic.test', '--name=  ', `--password=${PASSWORD}`], message: /--name: Enter a name/ },
      { args: ['--email=a@clinic.test'], message: /Missing --name, --password/ },
    ]
    for (const { args, message } of cases) {
      const command = await run(AdminCreate, args)
      command.assertFailed()
      command.assertExitCode(1)
      command.assertLogMatches(message, 'stderr')
    }
    assert.equal(await countRows('users'), usersBefore)
    assert.equal(await countRows('clinics'), 0)
    assert.equal(await countRows('audit_events'), auditBefore)
  })

  test('in a terminal, asks for what is missing (the password twice)', async ({ assert, cleanup }) => {
    asTerminal(cleanup)
    await createClinic()
    const command = await ace.create(AdminCreate, ['--clinic-name=Ignored'])
    command.prompt.trap('Email address').replyWith('asked@clinic.test')
    command.prompt.trap('Full name').replyWith('Asked Admin')
    command.prompt.trap('Password (12+ characters)').replyWith(PASSWORD)
    command.prompt.trap('Repeat the password').replyWith(PASSWORD)
    await command.exec()
    command.assertSucceeded()
    command.assertLogMatches(/Clinics exist already: --clinic-name and --time-zone are ignored/)
    const user = await User.findByOrFail('email', 'asked@clinic.test')
    assert.isTrue(await hash.verify(user.password, PASSWORD))
    assert.isNull(await Clinic.findBy('name', 'Ignored'))
  })

  test('in a terminal with no clinic yet, asks for the first clinic too', async ({ assert, cleanup }) => {
    asTerminal(cleanup)
    await db.from('clinics').delete()
    const command = await ace.create(AdminCreate, ['--email=asked@clinic.test', '--name=Asked Admin', `--password=${PASSWORD}`])
    command.prompt.trap('Name of the first clinic').replyWith('Lakeside Clinic')
    command.prompt.trap('Its time zone (IANA name)').replyWith('Asia/Tokyo')
    await command.exec()
    command.assertSucceeded()
    const clinic = await Clinic.findByOrFail('name', 'Lakeside Clinic')
    assert.equal(clinic.timeZone, 'Asia/Tokyo')
  })

  test('in a terminal, passwords that do not match create nothing', async ({ assert, cleanup }) => {
    asTerminal(cleanup)
    const command = await ace.create(AdminCreate, ['--email=asked@clinic.test', '--name=Asked'])
    command.prompt.trap('Password (12+ characters)').replyWith(PASSWORD)
    command.prompt.trap('Repeat the password').replyWith(`${PASSWORD}x`)
    await command.exec()
    command.assertExitCode(1)
    assert.isNull(await User.findBy('email', 'asked@clinic.test'))
  })
})

test.group('node ace admin:reset-password', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('sets a new password and clears the lockout, audited with actor system', async ({ assert }) => {
    const user = await createUser({ email: 'locked.out@clinic.test', systemRole: 'super_admin' })
    user.lockedUntil = DateTime.utc().plus({ minutes: 20 })
    user.failedLoginCount = 4
    await user.save()

    const command = await run(AdminResetPassword, ['LOCKED.OUT@clinic.test', '--password', PASSWORD])
    command.assertSucceeded()
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
    assert.isNull(user.lockedUntil)
    assert.equal(user.failedLoginCount, 0)

    const event = await lastAuditEvent('admin.reset_password')
    assert.equal(event.actor_type, 'system')
    assert.equal(event.resource_id, String(user.id))
    assert.deepEqual(event.metadata, { via: 'cli', unlocked: true })
    assert.notInclude(JSON.stringify(event), PASSWORD)
  })

  test('in a terminal, asks for the new password twice', async ({ assert, cleanup }) => {
    asTerminal(cleanup)
    const user = await createUser()
    const command = await ace.create(AdminResetPassword, [user.email])
    command.prompt.trap('New password (12+ characters)').replyWith(PASSWORD)
    command.prompt.trap('Repeat the new password').replyWith(PASSWORD)
    await command.exec()
    command.assertSucceeded()
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
  })

  test('an unknown email, a weak password or no password exits 1 and changes nothing', async ({ assert }) => {
    const user = await createUser({ email: 'someone@clinic.test' })
    const auditBefore = await countRows('audit_events')
    const cases: { args: string[]; message: RegExp }[] = [
      { args: ['nobody@clinic.test', `--password=${PASSWORD}`], message: /No user has the email nobody@clinic\.test/ },
      { args: [user.email, '--password=short-pw-1'], message: /--password: Use at least 12 characters/ },
      { args: [user.email, '--password=leavemealone'], message: /--password: This password is too common/ },
      { args: [user.email, '--password=someone@clinic.test'], message: /--password: The password must not be your email address/ },
      { args: [user.email], message: /Missing --password/ },
    ]
    for (const { args, message } of cases) {
      const command = await run(AdminResetPassword, args)
      command.assertExitCode(1)
      command.assertLogMatches(message, 'stderr')
    }
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, TEST_PASSWORD))
    assert.equal(await countRows('audit_events'), auditBefore)
  })
})

test.group('admin commands as separate processes', () => {
  test('node ace admin:create exits 0, then 1 for the same email', async ({ assert, cleanup }) => {
    const email = `process-${Date.now()}@clinic.test`
    cleanup(async () => {
      await db.from('users').where('email', email).delete()
    })
    const first = startAce(['admin:create', `--email=${email}`, '--name=Process Admin', `--password=${PASSWORD}`])
    assert.equal(await first.exited, 0, first.output())
    const second = startAce(['admin:create', `--email=${email}`, '--name=Process Admin', `--password=${PASSWORD}`])
    assert.equal(await second.exited, 1, second.output())
    assert.match(second.output(), /already exists/)
    assert.equal(await countRows('users', { email }), 1)
  }).timeout(60_000)
})
