import { test } from '@japa/runner'
import { systemPingJob } from '#kernel/index'
import { countJobs, deleteAllJobs } from '#tests/helpers/jobs'
import { createAccessToken, createUser } from '#tests/helpers/identity'

/** The test HTTP server, for requests the API client cannot shape (raw bodies). */
function serverUrl() {
  return `http://${process.env.HOST}:${process.env.PORT}`
}

/** Every /api error has exactly this shape, and never a stack trace. */
function assertErrorContract(assert: any, body: any, code: string) {
  assert.properties(body, ['error'])
  assert.sameMembers(Object.keys(body.error), ['code', 'message', 'details'])
  assert.equal(body.error.code, code)
  assert.isString(body.error.message)
  assert.notInclude(JSON.stringify(body), ' at ')
}

test.group('REST API error contract', (group) => {
  let token: string
  group.setup(async () => {
    token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
  })
  group.each.setup(() => deleteAllJobs())

  test('unknown route: 404 ROUTE_NOT_FOUND', async ({ client, assert }) => {
    const response = await client.get('/api/v1/does-not-exist')
    response.assertStatus(404)
    assertErrorContract(assert, response.body(), 'ROUTE_NOT_FOUND')
  })

  test('wrong method: 405 METHOD_NOT_ALLOWED with an Allow header', async ({ client, assert }) => {
    const response = await client.delete('/api/v1/system/pings')
    response.assertStatus(405)
    assertErrorContract(assert, response.body(), 'METHOD_NOT_ALLOWED')
    assert.equal(response.header('allow'), 'POST')
    assert.deepEqual(response.body().error.details, { allowed: ['POST'] })
  })

  test('malformed JSON: 400 MALFORMED_JSON, nothing enqueued', async ({ client, assert }) => {
    const response = await client.post('/api/v1/system/pings').header('content-type', 'application/json').json('{"message": "unterminated' as any)
    response.assertStatus(400)
    assertErrorContract(assert, response.body(), 'MALFORMED_JSON')
    assert.notInclude(JSON.stringify(response.body()), 'unterminated', 'the body is never echoed back')
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })

  test('oversized body: 413 PAYLOAD_TOO_LARGE, nothing enqueued', async ({ client, assert }) => {
    const response = await client.post('/api/v1/system/pings').json({ message: 'x'.repeat(2 * 1024 * 1024) })
    response.assertStatus(413)
    assertErrorContract(assert, response.body(), 'PAYLOAD_TOO_LARGE')
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })

  test('wrong content type: 415 UNSUPPORTED_MEDIA_TYPE, nothing enqueued', async ({ assert }) => {
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${serverUrl()}/api/v1/system/pings`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: 'message=hi',
      })
      assert.equal(response.status, 415, contentType)
      assertErrorContract(assert, await response.json(), 'UNSUPPORTED_MEDIA_TYPE')
    }
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })

  test('invalid and unknown fields: 422 VALIDATION_FAILED listing each field, nothing enqueued', async ({ client, assert }) => {
    const response = await client.post('/api/v1/system/pings').bearerToken(token).json({ message: 42, holdMs: -1, colour: 'red' })
    response.assertStatus(422)
    assertErrorContract(assert, response.body(), 'VALIDATION_FAILED')
    const details = response.body().error.details as { location: string; field: string; rule: string }[]
    assert.includeDeepMembers(
      details.map(({ location, field, rule }) => ({ location, field, rule })),
      [
        { location: 'body', field: 'message', rule: 'invalid_type' },
        { location: 'body', field: 'holdMs', rule: 'too_small' },
        { location: 'body', field: '', rule: 'unrecognized_keys' },
      ]
    )
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })

  test('malformed id in the path: 422 VALIDATION_FAILED', async ({ client, assert }) => {
    const response = await client.get('/api/v1/system/pings/not-a-uuid').bearerToken(token)
    response.assertStatus(422)
    assertErrorContract(assert, response.body(), 'VALIDATION_FAILED')
    assert.equal(response.body().error.details[0].location, 'params')
  })

  test('unknown resource: 404 with its own code', async ({ client, assert }) => {
    const response = await client.get('/api/v1/system/pings/7d3f1b4e-8c2a-4f7e-9b1d-2a6c5e8f0a13').bearerToken(token)
    response.assertStatus(404)
    assertErrorContract(assert, response.body(), 'PING_NOT_FOUND')
  })

  test('every response carries the request id, and a client-sent one is kept', async ({ client, assert }) => {
    const generated = await client.get('/api/v1/does-not-exist')
    assert.match(generated.header('x-request-id') ?? '', /^[\w-]{8,}$/)
    const forwarded = await client.get('/health').header('x-request-id', 'trace-abc-123')
    assert.equal(forwarded.header('x-request-id'), 'trace-abc-123')
  })
})

test.group('REST API: system pings', (group) => {
  group.each.setup(() => deleteAllJobs())

  test('POST /api/v1/system/pings enqueues a ping and answers 202 with its id', async ({ client, assert }) => {
    const token = await createAccessToken(await createUser({ systemRole: 'it_admin' }))
    const response = await client.post('/api/v1/system/pings').bearerToken(token).json({ message: 'hello' })
    response.assertStatus(202)
    assert.equal(response.body().ping.state, 'created')
    assert.equal(await countJobs(systemPingJob.queue), 1)

    const shown = await client.get(`/api/v1/system/pings/${response.body().ping.id}`).bearerToken(token)
    shown.assertStatus(200)
    assert.containsSubset(shown.body().ping, { id: response.body().ping.id, queue: 'system.ping', state: 'created' })
  })

  test('requires a token or key (401) and the system.diagnostics permission (403), enqueuing nothing', async ({ client, assert }) => {
    const anonymous = await client.post('/api/v1/system/pings').json({})
    anonymous.assertStatus(401)
    assert.equal(anonymous.body().error.code, 'UNAUTHENTICATED')

    const coderToken = await createAccessToken(await createUser({ role: 'coder' }))
    const coder = await client.post('/api/v1/system/pings').bearerToken(coderToken).json({})
    coder.assertStatus(403)
    assert.equal(coder.body().error.code, 'FORBIDDEN')
    assert.equal(await countJobs(systemPingJob.queue), 0)
  })
})
