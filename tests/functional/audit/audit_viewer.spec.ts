import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { exportAuditEventsCsv, recordAuditEvent, verifyAuditChain, type AuditEventInput } from '#audit/index'
import type Clinic from '#identity/models/clinic'
import type User from '#identity/models/user'
import { createAccessToken, createApiKey, createClinic, createUser } from '#tests/helpers/identity'

/* ------------------------------------------------------------------ helpers */

/** Admin roles must have 2FA in the console: give the user TOTP and a session past the challenge. */
async function withTwoFactor(user: User) {
  user.totpSecret = 'not-used-by-these-tests'
  user.totpEnabledAt = DateTime.utc()
  await user.save()
  return user
}

let inertiaVersion = '1'

/**
 * An Inertia visit of a console page as `user` (active clinic `clinicId`):
 * answers the page object `{component, props}`. A first 409 tells the
 * asset version to send.
 */
async function visit(client: ApiClient, url: string, user: User, clinicId?: number) {
  const request = () =>
    client
      .get(url)
      .loginAs(user)
      .withSession({ 'identity.twoFactorPassed': true, ...(clinicId ? { 'identity.clinicId': clinicId } : {}) })
      .header('x-inertia', 'true')
      .header('x-inertia-version', inertiaVersion)
      .redirects(0)
  let response = await request()
  if (response.status() === 409) {
    inertiaVersion = response.header('x-inertia-version') ?? inertiaVersion
    response = await request()
  }
  return response
}

/** The same request without following redirects or speaking Inertia (downloads, redirects). */
function consoleGet(client: ApiClient, url: string, user: User, clinicId?: number) {
  return client
    .get(url)
    .loginAs(user)
    .withSession({ 'identity.twoFactorPassed': true, ...(clinicId ? { 'identity.clinicId': clinicId } : {}) })
    .redirects(0)
}

/** RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (character === '"') quoted = false
      else cell += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(cell)
      cell = ''
    } else if (character === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else if (character !== '\r') cell += character
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

async function countEvents(where: Record<string, unknown> = {}) {
  const row = await db.from('audit_events').where(where).count('* as total').firstOrFail()
  return Number(row.total)
}

const today = () => DateTime.utc().toISODate()!
const dayOffset = (days: number) => DateTime.utc().plus({ days }).toISODate()!

/* --------------------------------------------------------------- fixtures */

/** Every action a seed records starts with its own prefix, so filters isolate one group's events. */
let P = ''

let clinicA: Clinic
let clinicB: Clinic
let auditorA: User
let clinicAdminA: User
let nurseA: User
let superAdmin: User
let itAdmin: User
/** Event ids by name, recorded oldest to newest in this order. */
const ids: Record<string, string> = {}

async function seed() {
  P = `viewer_${randomBytes(4).toString('hex')}`
  clinicA = await createClinic()
  clinicB = await createClinic()
  auditorA = await createUser({ role: 'auditor', clinic: clinicA })
  clinicAdminA = await withTwoFactor(await createUser({ role: 'clinic_admin', clinic: clinicA }))
  nurseA = await createUser({ role: 'nurse', clinic: clinicA })
  superAdmin = await withTwoFactor(await createUser({ systemRole: 'super_admin' }))
  itAdmin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))

  const events: [string, AuditEventInput][] = [
    [
      'aliceCreates',
      { action: `${P}.user.create`, outcome: 'success', actor: { type: 'user', id: '9001', label: 'alice@a.test' }, clinicId: clinicA.id, resourceType: 'user', resourceId: 101 },
    ],
    [
      'aliceUpdateFails',
      { action: `${P}.user.update`, outcome: 'failure', actor: { type: 'user', id: '9001', label: 'alice@a.test' }, clinicId: clinicA.id, resourceType: 'user', resourceId: 101, metadata: { reason: 'conflict' } },
    ],
    [
      'bobDenied',
      { action: `${P}.clinic.update`, outcome: 'denied', actor: { type: 'token', id: '77', label: 'bob@a.test' }, clinicId: clinicA.id, resourceType: 'clinic', resourceId: clinicA.id },
    ],
    [
      'carolInB',
      { action: `${P}.user.create`, outcome: 'success', actor: { type: 'user', id: '9002', label: 'carol@b.test' }, clinicId: clinicB.id, resourceType: 'user', resourceId: 201 },
    ],
    ['system', { action: `${P}.system.backup`, outcome: 'success', actor: { type: 'system', id: null, label: 'system' }, clinicId: null }],
    [
      'formula',
      {
        action: `${P}.user.import`,
        outcome: 'success',
        actor: { type: 'api_key', id: '5', label: '=HYPERLINK("http://evil.test","x")' },
        clinicId: clinicA.id,
        resourceType: 'user',
        resourceId: '@SUM(A1)',
        metadata: { note: '+1 has, a "quote"' },
      },
    ],
  ]
  for (const [name, input] of events) ids[name] = (await recordAuditEvent(input)).id
}

/* ------------------------------------------------------------------ console */

test.group('Audit log viewer (console)', (group) => {
  group.setup(seed)

  test('an auditor sees the audit log of their active clinic only, newest first', async ({ client, assert }) => {
    const response = await visit(client, `/admin/audit?action=${P}.`, auditorA)
    response.assertStatus(200)
    const page = response.body()
    assert.equal(page.component, 'platform/audit/index')
    assert.equal(page.props.scope, 'clinic')
    assert.isTrue(page.props.canExport)
    assert.deepEqual(
      page.props.events.data.map((event: any) => event.id),
      [ids.formula, ids.bobDenied, ids.aliceUpdateFails, ids.aliceCreates]
    )
    assert.deepInclude(page.props.events.meta, { total: 4, currentPage: 1, perPage: 25, lastPage: 1 })
    const created = page.props.events.data.find((event: any) => event.id === ids.aliceCreates)
    assert.deepInclude(created, {
      action: `${P}.user.create`,
      actorType: 'user',
      actorId: '9001',
      actorLabel: 'alice@a.test',
      clinicId: clinicA.id,
      resourceType: 'user',
      resourceId: '101',
      outcome: 'success',
    })
    assert.match(created.occurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  test('an auditor filtering by another clinic gets nothing from it', async ({ client, assert }) => {
    const response = await visit(client, `/admin/audit?action=${P}.&clinicId=${clinicB.id}`, auditorA)
    response.assertStatus(200)
    assert.deepEqual(response.body().props.events.data, [])
    assert.equal(response.body().props.events.meta.total, 0)
  })

  test('a clinic admin reads their clinic’s log but may not export it', async ({ client, assert }) => {
    const response = await visit(client, `/admin/audit?action=${P}.`, clinicAdminA)
    response.assertStatus(200)
    assert.equal(response.body().props.scope, 'clinic')
    assert.isFalse(response.body().props.canExport)
    assert.equal(response.body().props.events.meta.total, 4)

    const csv = await consoleGet(client, `/admin/audit/export.csv?action=${P}.`, clinicAdminA)
    csv.assertStatus(403)
  })

  test('super_admin and it_admin see every clinic’s events and the system’s, and may filter by clinic', async ({ client, assert }) => {
    for (const admin of [superAdmin, itAdmin]) {
      const all = await visit(client, `/admin/audit?action=${P}.`, admin)
      all.assertStatus(200)
      assert.equal(all.body().props.scope, 'all')
      assert.equal(all.body().props.events.meta.total, 6)

      const inB = await visit(client, `/admin/audit?action=${P}.&clinicId=${clinicB.id}`, admin)
      assert.deepEqual(
        inB.body().props.events.data.map((event: any) => event.id),
        [ids.carolInB]
      )
    }
  })

  test('filters by actor label (partial, any case) or actor id', async ({ client, assert }) => {
    const byLabel = await visit(client, `/admin/audit?action=${P}.&actor=ALICE`, superAdmin)
    assert.deepEqual(
      byLabel.body().props.events.data.map((event: any) => event.id),
      [ids.aliceUpdateFails, ids.aliceCreates]
    )
    const byId = await visit(client, `/admin/audit?action=${P}.&actor=9002`, superAdmin)
    assert.deepEqual(
      byId.body().props.events.data.map((event: any) => event.id),
      [ids.carolInB]
    )
    const wildcard = await visit(client, `/admin/audit?action=${P}.&actor=${encodeURIComponent('%')}`, superAdmin)
    assert.equal(wildcard.body().props.events.meta.total, 0, 'LIKE wildcards in the filter match literally')
  })

  test('filters by exact action or by action prefix', async ({ client, assert }) => {
    const exact = await visit(client, `/admin/audit?action=${P}.user.create`, superAdmin)
    assert.sameMembers(
      exact.body().props.events.data.map((event: any) => event.id),
      [ids.aliceCreates, ids.carolInB]
    )
    for (const prefix of [`${P}.user.`, `${P}.user.*`]) {
      const byPrefix = await visit(client, `/admin/audit?action=${encodeURIComponent(prefix)}`, superAdmin)
      assert.sameMembers(
        byPrefix.body().props.events.data.map((event: any) => event.id),
        [ids.aliceCreates, ids.aliceUpdateFails, ids.carolInB, ids.formula],
        prefix
      )
    }
    const partial = await visit(client, `/admin/audit?action=${P}.user`, superAdmin)
    assert.equal(partial.body().props.events.meta.total, 0, 'without a trailing dot or star the action must match exactly')
  })

  test('filters by resource type and id, and by outcome', async ({ client, assert }) => {
    const resource = await visit(client, `/admin/audit?action=${P}.&resourceType=user&resourceId=101`, superAdmin)
    assert.sameMembers(
      resource.body().props.events.data.map((event: any) => event.id),
      [ids.aliceCreates, ids.aliceUpdateFails]
    )
    const denied = await visit(client, `/admin/audit?action=${P}.&outcome=denied`, superAdmin)
    assert.deepEqual(
      denied.body().props.events.data.map((event: any) => event.id),
      [ids.bobDenied]
    )
    const failedInA = await visit(client, `/admin/audit?action=${P}.&outcome=failure`, auditorA)
    assert.deepEqual(
      failedInA.body().props.events.data.map((event: any) => event.id),
      [ids.aliceUpdateFails]
    )
  })

  test('filters by date range: both ends inclusive, "to" through the end of that day (UTC)', async ({ client, assert }) => {
    const count = async (query: string) => (await visit(client, `/admin/audit?action=${P}.&${query}`, superAdmin)).body().props.events.meta.total
    assert.equal(await count(`from=${today()}&to=${today()}`), 6)
    assert.equal(await count(`to=${today()}`), 6)
    assert.equal(await count(`from=${dayOffset(-30)}`), 6)
    assert.equal(await count(`from=${dayOffset(1)}`), 0)
    assert.equal(await count(`to=${dayOffset(-1)}`), 0)
  })

  test('paginates newest first, with at most perPage events per page', async ({ client, assert }) => {
    const first = await visit(client, `/admin/audit?action=${P}.&perPage=4`, superAdmin)
    assert.deepEqual(
      first.body().props.events.data.map((event: any) => event.id),
      [ids.formula, ids.system, ids.carolInB, ids.bobDenied]
    )
    assert.deepInclude(first.body().props.events.meta, { total: 6, perPage: 4, currentPage: 1, lastPage: 2 })
    assert.equal(first.body().props.filters.perPage, '4')

    const second = await visit(client, `/admin/audit?action=${P}.&perPage=4&page=2`, superAdmin)
    assert.deepEqual(
      second.body().props.events.data.map((event: any) => event.id),
      [ids.aliceUpdateFails, ids.aliceCreates]
    )
    const beyond = await visit(client, `/admin/audit?action=${P}.&perPage=4&page=9`, superAdmin)
    assert.deepEqual(beyond.body().props.events.data, [])
  })

  test('empty filter fields count as unset', async ({ client, assert }) => {
    const response = await visit(client, `/admin/audit?action=${P}.&actor=&outcome=&from=&to=&clinicId=&page=&perPage=`, superAdmin)
    response.assertStatus(200)
    assert.equal(response.body().props.events.meta.total, 6)
    assert.deepEqual(response.body().props.filters, {
      actor: '',
      action: `${P}.`,
      resourceType: '',
      resourceId: '',
      clinicId: '',
      outcome: '',
      from: '',
      to: '',
      perPage: '25',
    })
  })

  test('invalid filters send the console back to the unfiltered log with an error', async ({ client, assert }) => {
    for (const query of [
      'from=2025-13-40',
      'to=yesterday',
      'outcome=maybe',
      'perPage=0',
      'perPage=101',
      'page=0',
      'clinicId=abc',
      `from=${today()}&to=${dayOffset(-1)}`,
      'colour=red',
    ]) {
      const response = await consoleGet(client, `/admin/audit?${query}`, superAdmin)
      response.assertStatus(302)
      assert.equal(response.header('location'), '/admin/audit', query)
      assert.match(String(response.flashMessages().error), /^The audit log filters are invalid/, query)
    }
  })

  test('viewing the log is not itself audited', async ({ client, assert }) => {
    const before = await countEvents()
    await visit(client, `/admin/audit?action=${P}.`, auditorA)
    await visit(client, '/admin/audit', superAdmin)
    assert.equal(await countEvents(), before)
  })

  test('roles without audit.read are refused; signed-out visitors go to the login page', async ({ client }) => {
    const nurse = await consoleGet(client, '/admin/audit', nurseA)
    nurse.assertStatus(403)
    const nurseExport = await consoleGet(client, '/admin/audit/export.csv', nurseA)
    nurseExport.assertStatus(403)

    const anonymous = await client.get('/admin/audit').redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/login')
  })

  test('a full page load (no Inertia header) carries the same page', async ({ client, assert }) => {
    const response = await consoleGet(client, `/admin/audit?action=${P}.`, auditorA)
    response.assertStatus(200)
    const json = response.text().match(/<script data-page="app" type="application\/json">(.*?)<\/script>/s)?.[1]
    assert.isString(json)
    const page = JSON.parse(json!)
    assert.equal(page.component, 'platform/audit/index')
    assert.equal(page.props.events.meta.total, 4)
  })
})

/* ---------------------------------------------------------------- CSV export */

test.group('Audit log CSV export', (group) => {
  group.setup(seed)

  test('streams the filtered events as CSV, newest first, and records the export first', async ({ client, assert }) => {
    const before = await countEvents({ action: 'audit.export' })
    const response = await consoleGet(client, `/admin/audit/export.csv?action=${P}.&perPage=2`, auditorA)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv; charset=utf-8/)
    assert.equal(response.header('content-disposition'), `attachment; filename="audit-${today()}.csv"`)
    assert.equal(response.header('x-audit-row-count'), '4')

    const [header, ...rows] = parseCsv(response.text())
    assert.deepEqual(header, [
      'id',
      'occurred_at',
      'actor_type',
      'actor_id',
      'actor_label',
      'clinic_id',
      'action',
      'resource_type',
      'resource_id',
      'outcome',
      'ip',
      'request_id',
      'metadata',
      'hash',
    ])
    assert.deepEqual(
      rows.map((row) => row[0]),
      [ids.formula, ids.bobDenied, ids.aliceUpdateFails, ids.aliceCreates],
      'only the active clinic’s events, all of them (pagination does not apply)'
    )
    const updateFails = rows.find((row) => row[0] === ids.aliceUpdateFails)!
    const stored = await db.from('audit_events').where('id', ids.aliceUpdateFails).firstOrFail()
    assert.deepEqual(updateFails, [
      ids.aliceUpdateFails,
      new Date(stored.occurred_at).toISOString(),
      'user',
      '9001',
      'alice@a.test',
      String(clinicA.id),
      `${P}.user.update`,
      'user',
      '101',
      'failure',
      '',
      '',
      '{"reason":"conflict"}',
      stored.hash,
    ])

    assert.equal(await countEvents({ action: 'audit.export' }), before + 1)
    const exported = await db.from('audit_events').where('action', 'audit.export').orderBy('id', 'desc').firstOrFail()
    assert.equal(exported.actor_type, 'user')
    assert.equal(exported.actor_id, String(auditorA.id))
    assert.equal(exported.actor_label, auditorA.email)
    assert.equal(exported.clinic_id, clinicA.id)
    assert.equal(exported.outcome, 'success')
    assert.deepEqual(exported.metadata, { filters: { action: `${P}.` }, rowCount: 4, truncated: false, format: 'csv' })
    assert.notInclude(
      rows.map((row) => row[0]),
      String(exported.id),
      'the export holds the events that existed when it started'
    )
    assert.isTrue((await verifyAuditChain()).intact)
  })

  test('cells that a spreadsheet would run as formulas are prefixed with a quote', async ({ client, assert }) => {
    const response = await consoleGet(client, `/admin/audit/export.csv?action=${P}.user.import`, auditorA)
    response.assertStatus(200)
    const [, row] = parseCsv(response.text())
    assert.equal(row[4], `'=HYPERLINK("http://evil.test","x")`)
    assert.equal(row[8], `'@SUM(A1)`)
    assert.equal(row[12], '{"note":"+1 has, a \\"quote\\""}', 'JSON with commas and quotes survives the round trip')
  })

  test('a system role exports any clinic’s events; the filters are recorded with the export', async ({ client, assert }) => {
    const response = await consoleGet(client, `/admin/audit/export.csv?action=${P}.&clinicId=${clinicB.id}&outcome=success`, itAdmin)
    response.assertStatus(200)
    const [, ...rows] = parseCsv(response.text())
    assert.deepEqual(
      rows.map((row) => row[0]),
      [ids.carolInB]
    )
    const exported = await db.from('audit_events').where('action', 'audit.export').orderBy('id', 'desc').firstOrFail()
    assert.equal(exported.actor_id, String(itAdmin.id))
    assert.deepEqual(exported.metadata.filters, { action: `${P}.`, clinicId: clinicB.id, outcome: 'success' })
    assert.equal(exported.metadata.rowCount, 1)
  })

  test('an export matching nothing is a header line, and is still recorded', async ({ client, assert }) => {
    const before = await countEvents({ action: 'audit.export' })
    const response = await consoleGet(client, `/admin/audit/export.csv?action=${P}.nothing`, superAdmin)
    response.assertStatus(200)
    assert.lengthOf(parseCsv(response.text()), 1)
    assert.equal(await countEvents({ action: 'audit.export' }), before + 1)
  })

  test('invalid filters export nothing and record nothing', async ({ client, assert }) => {
    const before = await countEvents({ action: 'audit.export' })
    const response = await consoleGet(client, '/admin/audit/export.csv?from=not-a-date', auditorA)
    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/audit')
    assert.match(String(response.flashMessages().error), /filters are invalid \(from\)/)
    assert.equal(await countEvents({ action: 'audit.export' }), before)
  })

  test('an export stops at its row cap and says it was truncated', async ({ assert }) => {
    const exported = await exportAuditEventsCsv({
      filters: { action: `${P}.` },
      scope: { clinicId: null },
      context: { actor: { type: 'system', id: null, label: 'system' } },
      maxRows: 2,
    })
    assert.equal(exported.rowCount, 2)
    assert.isTrue(exported.truncated)
    let text = ''
    for await (const chunk of exported.stream) text += chunk
    const [, ...rows] = parseCsv(text)
    assert.deepEqual(
      rows.map((row) => row[0]),
      [ids.formula, ids.system]
    )
    const recorded = await db.from('audit_events').where('action', 'audit.export').orderBy('id', 'desc').firstOrFail()
    assert.deepInclude(recorded.metadata, { rowCount: 2, truncated: true })
  })

  test('an export larger than one batch streams every row', async ({ assert }) => {
    const action = `${P}_bulk.event`
    await db.transaction(async (trx) => {
      for (let index = 0; index < 1_205; index++) {
        await recordAuditEvent({ action, outcome: 'success', actor: { type: 'system', id: null, label: 'system' }, metadata: { index } }, { trx })
      }
    })
    const exported = await exportAuditEventsCsv({ filters: { action }, scope: { clinicId: null }, context: { actor: { type: 'system', id: null, label: 'system' } } })
    assert.equal(exported.rowCount, 1_205)
    let text = ''
    for await (const chunk of exported.stream) text += chunk
    const [, ...rows] = parseCsv(text)
    assert.lengthOf(rows, 1_205)
    assert.lengthOf(new Set(rows.map((row) => row[0])), 1_205)
    const idsInFile = rows.map((row) => BigInt(row[0]))
    assert.isTrue(
      idsInFile.every((id, index) => index === 0 || id < idsInFile[index - 1]),
      'newest first'
    )
  }).timeout(60_000)
})

/* ---------------------------------------------------------------- REST API */

test.group('GET /api/v1/audit-events', (group) => {
  group.setup(seed)

  test('answers {data, meta} for the token’s clinic, newest first', async ({ client, assert }) => {
    const token = await createAccessToken(auditorA)
    const response = await client.get(`/api/v1/audit-events?action=${P}.&perPage=3`).bearerToken(token)
    response.assertStatus(200)
    assert.sameMembers(Object.keys(response.body()), ['data', 'meta'])
    assert.deepEqual(
      response.body().data.map((event: any) => event.id),
      [ids.formula, ids.bobDenied, ids.aliceUpdateFails]
    )
    assert.deepEqual(response.body().meta, { total: 4, perPage: 3, currentPage: 1, lastPage: 2 })
    assert.containsSubset(response.body().data[2], { action: `${P}.user.update`, outcome: 'failure', metadata: { reason: 'conflict' } })
    assert.match(response.body().data[0].hash, /^[0-9a-f]{64}$/)
  })

  test('system roles see every clinic; filters apply as in the console', async ({ client, assert }) => {
    const token = await createAccessToken(superAdmin)
    const all = await client.get(`/api/v1/audit-events?action=${P}.`).bearerToken(token)
    assert.equal(all.body().meta.total, 6)
    const inB = await client.get(`/api/v1/audit-events?action=${P}.&clinicId=${clinicB.id}`).bearerToken(token)
    assert.deepEqual(
      inB.body().data.map((event: any) => event.id),
      [ids.carolInB]
    )
    const filtered = await client.get('/api/v1/audit-events').qs({ action: `${P}.`, actor: 'alice', outcome: 'success', from: today(), to: today() }).bearerToken(token)
    assert.deepEqual(
      filtered.body().data.map((event: any) => event.id),
      [ids.aliceCreates]
    )
  })

  test('an integration key with audit.read sees its own clinic’s events only', async ({ client, assert }) => {
    const { secret } = await createApiKey(clinicB, ['audit.read'])
    const response = await client.get(`/api/v1/audit-events?action=${P}.`).header('x-api-key', secret)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((event: any) => event.id),
      [ids.carolInB]
    )
    const otherClinic = await client.get(`/api/v1/audit-events?action=${P}.&clinicId=${clinicA.id}`).header('x-api-key', secret)
    assert.deepEqual(otherClinic.body().data, [])
  })

  test('a user asking for a clinic they do not belong to gets 404', async ({ client, assert }) => {
    const token = await createAccessToken(auditorA)
    const response = await client.get('/api/v1/audit-events').bearerToken(token).header('x-clinic-id', String(clinicB.id))
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'CLINIC_NOT_FOUND')
  })

  test('invalid filters answer 422 VALIDATION_FAILED naming each field', async ({ client, assert }) => {
    const token = await createAccessToken(superAdmin)
    const cases: [string, string][] = [
      ['from=2025-02-30', 'from'],
      ['to=31-01-2025', 'to'],
      ['outcome=maybe', 'outcome'],
      ['perPage=0', 'perPage'],
      ['perPage=101', 'perPage'],
      ['page=-1', 'page'],
      ['clinicId=x', 'clinicId'],
      [`from=${today()}&to=${dayOffset(-1)}`, 'to'],
      ['colour=red', ''],
    ]
    for (const [query, field] of cases) {
      const response = await client.get(`/api/v1/audit-events?${query}`).bearerToken(token)
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED', query)
      assert.deepInclude(
        response.body().error.details.map((issue: any) => ({ location: issue.location, field: issue.field })),
        { location: 'query', field },
        query
      )
    }
  })

  test('401 without credentials, 403 without audit.read', async ({ client, assert }) => {
    const anonymous = await client.get('/api/v1/audit-events')
    anonymous.assertStatus(401)
    assert.equal(anonymous.body().error.code, 'UNAUTHENTICATED')

    const nurse = await client.get('/api/v1/audit-events').bearerToken(await createAccessToken(nurseA))
    nurse.assertStatus(403)
    assert.equal(nurse.body().error.code, 'FORBIDDEN')

    const narrowed = await client.get('/api/v1/audit-events').bearerToken(await createAccessToken(superAdmin, ['users.read']))
    narrowed.assertStatus(403)

    const { secret } = await createApiKey(clinicA, ['encounters.read'])
    const keyWithout = await client.get('/api/v1/audit-events').header('x-api-key', secret)
    keyWithout.assertStatus(403)
  })

  test('reading through the API is not audited', async ({ client, assert }) => {
    const token = await createAccessToken(superAdmin)
    const before = await countEvents()
    await client.get('/api/v1/audit-events').bearerToken(token)
    assert.equal(await countEvents(), before)
  })
})
