import { test } from '@japa/runner'
import Clinic from '#identity/models/clinic'
import { createAccessToken, createClinic, createUser } from '#tests/helpers/identity'
import { auditEvents, countRows, inertiaPage, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

let sequence = 0
const uniqueName = (label = 'Clinic') => `${label} ${Date.now().toString(36)}${(sequence++).toString(36)}`

test.group('REST /api/v1/clinics', () => {
  test('lists clinics by name, a page at a time, with search', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const tag = Date.now().toString(36)
    const north = await createClinic({ name: `North ${tag}` })
    await createClinic({ name: `South ${tag}` })
    const percent = await createClinic({ name: `100% Care ${tag}` })

    const all = await client.get('/api/v1/clinics').qs({ perPage: 1 }).bearerToken(token)
    all.assertStatus(200)
    assert.lengthOf(all.body().data, 1)
    assert.isAtLeast(all.body().meta.total, 3)

    const search = await client.get('/api/v1/clinics').qs({ q: `NORTH ${tag}` }).bearerToken(token)
    assert.deepEqual(
      search.body().data.map((clinic: { id: number }) => clinic.id),
      [north.id]
    )
    const literal = await client.get('/api/v1/clinics').qs({ q: `0% care ${tag}` }).bearerToken(token)
    assert.deepEqual(
      literal.body().data.map((clinic: { id: number }) => clinic.id),
      [percent.id]
    )
  })

  test('creates a clinic with an IANA time zone, audited', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const name = uniqueName('Lakeside')

    const response = await client.post('/api/v1/clinics').bearerToken(await createAccessToken(admin)).json({ name, timeZone: 'America/Chicago' })

    response.assertStatus(201)
    assert.include(response.body().clinic, { name, timeZone: 'America/Chicago' })
    const [event] = await auditEvents('clinic.create', response.body().clinic.id)
    assert.equal(event.clinic_id, response.body().clinic.id)
    assert.equal(event.actor_label, admin.email)
    assert.deepEqual(event.metadata, { name, timeZone: 'America/Chicago' })
  })

  test('bad clinics: 4xx with a stable code and nothing written', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const existing = await createClinic({ name: uniqueName('Existing') })
    const cases: { body: Record<string, unknown>; status: number; code: string }[] = [
      { body: { name: existing.name.toUpperCase(), timeZone: 'UTC' }, status: 409, code: 'DUPLICATE_CLINIC' },
      { body: { name: uniqueName(), timeZone: 'Mars/Olympus_Mons' }, status: 422, code: 'INVALID_TIME_ZONE' },
      { body: { name: uniqueName(), timeZone: '+05:00' }, status: 422, code: 'INVALID_TIME_ZONE' },
      { body: { name: '', timeZone: 'UTC' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { name: uniqueName() }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { name: 'x'.repeat(201), timeZone: 'UTC' }, status: 422, code: 'VALIDATION_FAILED' },
      { body: { name: uniqueName(), timeZone: 'UTC', plan: 'gold' }, status: 422, code: 'VALIDATION_FAILED' },
    ]
    const before = { clinics: await countRows('clinics'), audit: await countRows('audit_events') }

    for (const { body, status, code } of cases) {
      const response = await client.post('/api/v1/clinics').bearerToken(token).json(body)
      assert.equal(response.status(), status, JSON.stringify(body))
      assert.equal(response.body().error.code, code, JSON.stringify(body))
    }
    assert.deepEqual({ clinics: await countRows('clinics'), audit: await countRows('audit_events') }, before)
  })

  test('renames a clinic and changes its time zone (stored by its canonical name), audited with the changes', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'super_admin' }))
    const clinic = await createClinic({ name: uniqueName('Old') })
    const name = uniqueName('New')

    const response = await client.patch(`/api/v1/clinics/${clinic.id}`).bearerToken(token).json({ name, timeZone: 'europe/berlin' })

    response.assertStatus(200)
    assert.include(response.body().clinic, { id: clinic.id, name, timeZone: 'Europe/Berlin' })
    const [event] = await auditEvents('clinic.update', clinic.id)
    assert.deepEqual(event.metadata.changes, { name: { from: clinic.name, to: name }, timeZone: { from: 'UTC', to: 'Europe/Berlin' } })
  })

  test('bad changes: 4xx with a stable code and nothing changed', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const clinic = await createClinic({ name: uniqueName('Keep') })
    const other = await createClinic({ name: uniqueName('Other') })
    const cases: { id: number; body: Record<string, unknown>; status: number; code: string }[] = [
      { id: clinic.id, body: { name: other.name.toLowerCase() }, status: 409, code: 'DUPLICATE_CLINIC' },
      { id: clinic.id, body: { timeZone: 'Not/AZone' }, status: 422, code: 'INVALID_TIME_ZONE' },
      { id: clinic.id, body: {}, status: 422, code: 'VALIDATION_FAILED' },
      { id: 2147483000, body: { name: uniqueName() }, status: 404, code: 'CLINIC_NOT_FOUND' },
    ]
    const audit = await countRows('audit_events')

    for (const { id, body, status, code } of cases) {
      const response = await client.patch(`/api/v1/clinics/${id}`).bearerToken(token).json(body)
      assert.equal(response.status(), status, JSON.stringify(body))
      assert.equal(response.body().error.code, code, JSON.stringify(body))
    }
    const reloaded = await Clinic.findOrFail(clinic.id)
    assert.equal(reloaded.name, clinic.name)
    assert.equal(reloaded.timeZone, 'UTC')
    assert.equal(await countRows('audit_events'), audit)
  })

  test('only system admins manage clinics: a clinic_admin gets 403 FORBIDDEN', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ role: 'clinic_admin' }))
    const before = await countRows('clinics')
    for (const response of [
      await client.get('/api/v1/clinics').bearerToken(token),
      await client.post('/api/v1/clinics').bearerToken(token).json({ name: uniqueName(), timeZone: 'UTC' }),
    ]) {
      response.assertStatus(403)
      assert.equal(response.body().error.code, 'FORBIDDEN')
    }
    assert.equal(await countRows('clinics'), before)
  })
})

test.group('Console /admin/clinics', () => {
  test('lists clinics, creates one from the form, edits it', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const name = uniqueName('Console')

    const created = await loginAsAdmin(client.post('/admin/clinics'), admin).json({ name, timeZone: 'Asia/Tokyo' }).redirects(0)
    created.assertStatus(302)
    assert.equal(created.header('location'), '/admin/clinics')
    created.assertFlashMessage('success', `Clinic ${name} created`)
    const clinic = await Clinic.findByOrFail('name', name)

    const list = await loginAsAdmin(client.get('/admin/clinics').qs({ q: name }), admin)
    list.assertStatus(200)
    const page = inertiaPage(list.text())
    assert.equal(page.component, 'identity/clinics/index')
    assert.deepEqual(
      page.props.clinics.data.map((row: { name: string }) => row.name),
      [name]
    )

    const edit = await loginAsAdmin(client.get(`/admin/clinics/${clinic.id}/edit`), admin)
    assert.equal(inertiaPage(edit.text()).props.clinic.timeZone, 'Asia/Tokyo')

    const updated = await loginAsAdmin(client.put(`/admin/clinics/${clinic.id}`), admin).json({ timeZone: 'Australia/Sydney' }).redirects(0)
    updated.assertFlashMessage('success', 'Clinic saved')
    await clinic.refresh()
    assert.equal(clinic.timeZone, 'Australia/Sydney')
  })

  test('an invalid time zone goes back with the error, nothing written', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const before = await countRows('clinics')
    const response = await loginAsAdmin(client.post('/admin/clinics'), admin).json({ name: uniqueName(), timeZone: 'Moon/Base' }).redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('errorCode', 'INVALID_TIME_ZONE')
    assert.equal(await countRows('clinics'), before)
  })

  test('a clinic_admin cannot open the clinics page', async ({ client }) => {
    const clinic = await createClinic()
    const clinicAdmin = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic }))
    const response = await loginAsAdmin(client.get('/admin/clinics'), clinicAdmin)
    response.assertStatus(403)
  })
})
