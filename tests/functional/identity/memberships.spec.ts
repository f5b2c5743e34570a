import { test } from '@japa/runner'
import Membership from '#identity/models/membership'
import { createAccessToken, createClinic, createUser } from '#tests/helpers/identity'
import { auditEvents, countRows, inertiaPage, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'

test.group('REST /api/v1/users/:id/memberships', () => {
  test('a system admin gives a user a role in any clinic, audited with the role', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const user = await createUser()
    const clinic = await createClinic()

    const response = await client
      .post(`/api/v1/users/${user.id}/memberships`)
      .bearerToken(await createAccessToken(admin))
      .json({ clinicId: clinic.id, role: 'nurse' })

    response.assertStatus(201)
    assert.include(response.body().membership, { clinicId: clinic.id, clinicName: clinic.name, role: 'nurse' })
    const [event] = await auditEvents('membership.create', response.body().membership.id)
    assert.equal(event.clinic_id, clinic.id)
    assert.deepEqual(event.metadata, { userId: user.id, clinicId: clinic.id, role: 'nurse' })
  })

  test('changes a role, auditing the old and the new one', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const clinic = await createClinic()
    const user = await createUser({ role: 'nurse', clinic })
    const membership = await Membership.findByOrFail('user_id', user.id)

    const response = await client
      .patch(`/api/v1/users/${user.id}/memberships/${membership.id}`)
      .bearerToken(await createAccessToken(admin))
      .json({ role: 'clinician' })

    response.assertStatus(200)
    assert.equal(response.body().membership.role, 'clinician')
    await membership.refresh()
    assert.equal(membership.role, 'clinician')
    const [event] = await auditEvents('membership.update', membership.id)
    assert.include(event.metadata, { oldRole: 'nurse', newRole: 'clinician', userId: user.id, clinicId: clinic.id })
  })

  test('removes a membership, auditing the role it gave', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const clinic = await createClinic()
    const user = await createUser({ role: 'coder', clinic })
    const membership = await Membership.findByOrFail('user_id', user.id)

    const response = await client.delete(`/api/v1/users/${user.id}/memberships/${membership.id}`).bearerToken(await createAccessToken(admin))

    response.assertStatus(204)
    assert.isNull(await Membership.find(membership.id))
    const [event] = await auditEvents('membership.delete', membership.id)
    assert.equal(event.metadata.oldRole, 'coder')
  })

  test('bad memberships: 4xx with a stable code and nothing written', async ({ client, assert }) => {
    const admin = await createUser({ systemRole: 'it_admin' })
    const token = await createAccessToken(admin)
    const clinic = await createClinic()
    const user = await createUser({ role: 'nurse', clinic })
    const other = await createUser({ role: 'nurse' })
    const otherMembership = await Membership.findByOrFail('user_id', other.id)
    const cases: { method: 'post' | 'patch' | 'delete'; url: string; body?: object; status: number; code: string }[] = [
      { method: 'post', url: `/api/v1/users/${user.id}/memberships`, body: { clinicId: clinic.id, role: 'coder' }, status: 409, code: 'DUPLICATE_MEMBERSHIP' },
      { method: 'post', url: `/api/v1/users/${user.id}/memberships`, body: { clinicId: clinic.id, role: 'wizard' }, status: 422, code: 'VALIDATION_FAILED' },
      { method: 'post', url: `/api/v1/users/${user.id}/memberships`, body: { clinicId: clinic.id, role: 'super_admin' }, status: 422, code: 'VALIDATION_FAILED' },
      { method: 'post', url: `/api/v1/users/${user.id}/memberships`, body: { clinicId: 2147483000, role: 'coder' }, status: 404, code: 'CLINIC_NOT_FOUND' },
      { method: 'post', url: `/api/v1/users/${user.id}/memberships`, body: { clinicId: 'one', role: 'coder' }, status: 422, code: 'VALIDATION_FAILED' },
      { method: 'post', url: `/api/v1/users/2147483000/memberships`, body: { clinicId: clinic.id, role: 'coder' }, status: 404, code: 'USER_NOT_FOUND' },
      { method: 'patch', url: `/api/v1/users/${user.id}/memberships/${otherMembership.id}`, body: { role: 'coder' }, status: 404, code: 'MEMBERSHIP_NOT_FOUND' },
      { method: 'patch', url: `/api/v1/users/${other.id}/memberships/${otherMembership.id}`, body: { role: 'wizard' }, status: 422, code: 'VALIDATION_FAILED' },
      { method: 'delete', url: `/api/v1/users/${user.id}/memberships/${otherMembership.id}`, status: 404, code: 'MEMBERSHIP_NOT_FOUND' },
    ]
    const before = { memberships: await countRows('memberships'), audit: await countRows('audit_events') }

    for (const { method, url, body, status, code } of cases) {
      let request = client[method](url).bearerToken(token)
      if (body) request = request.json(body)
      const response = await request
      assert.equal(response.status(), status, `${method} ${url} ${JSON.stringify(body)}`)
      assert.equal(response.body().error.code, code, `${method} ${url} ${JSON.stringify(body)}`)
    }
    assert.deepEqual({ memberships: await countRows('memberships'), audit: await countRows('audit_events') }, before)
    await otherMembership.refresh()
    assert.equal(otherMembership.role, 'nurse')
  })

  test('needs memberships.manage: a clinician gets 403 FORBIDDEN', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinician = await createUser({ role: 'clinician', clinic })
    const user = await createUser({ role: 'nurse', clinic })
    const response = await client
      .post(`/api/v1/users/${user.id}/memberships`)
      .bearerToken(await createAccessToken(clinician))
      .json({ clinicId: clinic.id, role: 'coder' })
    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
  })
})

test.group('Memberships managed by a clinic_admin', () => {
  test('changes and removes roles in their own clinic', async ({ client, assert }) => {
    const clinic = await createClinic()
    const clinicAdmin = await createUser({ role: 'clinic_admin', clinic })
    const token = await createAccessToken(clinicAdmin)
    const nurse = await createUser({ role: 'nurse', clinic })
    const membership = await Membership.findByOrFail('user_id', nurse.id)

    const changed = await client.patch(`/api/v1/users/${nurse.id}/memberships/${membership.id}`).bearerToken(token).json({ role: 'clinic_admin' })
    changed.assertStatus(200)
    assert.equal(changed.body().membership.role, 'clinic_admin')
    const [event] = await auditEvents('membership.update', membership.id)
    assert.equal(event.actor_label, clinicAdmin.email)
    assert.equal(event.clinic_id, clinic.id)

    const removed = await client.delete(`/api/v1/users/${nurse.id}/memberships/${membership.id}`).bearerToken(token)
    removed.assertStatus(204)
    assert.lengthOf(await auditEvents('membership.delete', membership.id), 1)
  })

  test('cannot add roles in another clinic, grant system roles, or change their own role', async ({ client, assert }) => {
    const clinic = await createClinic()
    const elsewhere = await createClinic()
    const clinicAdmin = await createUser({ role: 'clinic_admin', clinic })
    const ownMembership = await Membership.findByOrFail('user_id', clinicAdmin.id)
    const token = await createAccessToken(clinicAdmin)
    const nurse = await createUser({ role: 'nurse', clinic })
    const before = { memberships: await countRows('memberships'), audit: await countRows('audit_events') }

    const otherClinic = await client.post(`/api/v1/users/${nurse.id}/memberships`).bearerToken(token).json({ clinicId: elsewhere.id, role: 'nurse' })
    otherClinic.assertStatus(404)
    assert.equal(otherClinic.body().error.code, 'CLINIC_NOT_FOUND')

    const systemRole = await client.patch(`/api/v1/users/${nurse.id}`).bearerToken(token).json({ systemRole: 'it_admin' })
    systemRole.assertStatus(403)
    assert.equal(systemRole.body().error.code, 'FORBIDDEN')

    const own = await client.patch(`/api/v1/users/${clinicAdmin.id}/memberships/${ownMembership.id}`).bearerToken(token).json({ role: 'student' })
    own.assertStatus(422)
    assert.equal(own.body().error.code, 'CANNOT_CHANGE_OWN_MEMBERSHIP')

    assert.deepEqual({ memberships: await countRows('memberships'), audit: await countRows('audit_events') }, before)
  })
})

test.group('Console memberships on the user page', () => {
  test('add, change and remove from the user page; the page shows the clinic roles', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const clinic = await createClinic()
    const user = await createUser()

    const added = await loginAsAdmin(client.post(`/admin/users/${user.id}/memberships`), admin).json({ clinicId: clinic.id, role: 'coder' }).redirects(0)
    added.assertStatus(302)
    assert.equal(added.header('location'), `/admin/users/${user.id}/edit`)
    added.assertFlashMessage('success', 'Membership added')
    const membership = await Membership.findByOrFail('user_id', user.id)

    const page = await loginAsAdmin(client.get(`/admin/users/${user.id}/edit`), admin)
    assert.deepEqual(
      inertiaPage(page.text()).props.user.memberships.map((m: any) => [m.clinicName, m.role]),
      [[clinic.name, 'coder']]
    )

    await loginAsAdmin(client.put(`/admin/users/${user.id}/memberships/${membership.id}`), admin).json({ role: 'auditor' }).redirects(0)
    await membership.refresh()
    assert.equal(membership.role, 'auditor')

    const removed = await loginAsAdmin(client.delete(`/admin/users/${user.id}/memberships/${membership.id}`), admin).redirects(0)
    removed.assertFlashMessage('success', 'Membership removed')
    assert.isNull(await Membership.find(membership.id))
  })

  test('a duplicate goes back with the error, nothing written', async ({ client, assert }) => {
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    const clinic = await createClinic()
    const user = await createUser({ role: 'nurse', clinic })
    const before = await countRows('memberships')

    const response = await loginAsAdmin(client.post(`/admin/users/${user.id}/memberships`), admin).json({ clinicId: clinic.id, role: 'coder' }).redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('errorCode', 'DUPLICATE_MEMBERSHIP')
    assert.equal(await countRows('memberships'), before)
  })
})
