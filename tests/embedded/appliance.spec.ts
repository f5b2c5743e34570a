/*
| The real appliance in embedded mode: one process (bin/server.ts) with
| PGlite as its database, in a temporary storage folder. The tests of this
| group run in order and share the appliance's data.
*/
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { EMBEDDED_EXIT, openEmbeddedDatabase } from '#kernel/database/embedded_postgres'
import { ace, Appliance, embeddedEnv } from '#tests/helpers/embedded_appliance'

const ADMIN = { email: 'embedded-admin@example.org', password: 'Embedded-Appliance-2024!', name: 'Embedded Admin' }

test.group('Embedded mode: the appliance in one process', (group) => {
  let storage: string
  let appliance: Appliance | undefined
  let token: string
  let pingId: string

  group.setup(() => {
    storage = mkdtempSync(join(tmpdir(), 'clinibox-embedded-'))
    return async () => {
      await appliance?.stop()
      rmSync(storage, { recursive: true, force: true })
    }
  })

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${appliance!.url}${path}`, {
      ...init,
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'accept': 'application/json', ...init.headers },
    })

  async function waitForPing(id: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const body = (await (await api(`/api/v1/system/pings/${id}`)).json()) as { ping: { state: string; output: any } }
      if (body.ping.state === 'completed') return body.ping
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`ping ${id} not completed after ${timeoutMs / 1000} s`)
  }

  test('ace commands create and migrate the embedded database when the appliance is not running', async ({ assert }) => {
    const env = embeddedEnv(storage)
    const created = await ace(['admin:create', '--email', ADMIN.email, '--password', ADMIN.password, '--name', ADMIN.name], env)
    assert.equal(created.code, 0, created.stdout + created.stderr)

    const issued = await ace(['tokens:create', ADMIN.email, '--abilities=*', '--expires-in-days=1'], env)
    assert.equal(issued.code, 0, issued.stdout + issued.stderr)
    token = issued.stdout.trim().split('\n').at(-1)!.trim()
    assert.match(token, /^cbx_/)
  })

  test('boots, migrates and reports ready in embedded mode', async ({ assert }) => {
    appliance = await Appliance.start(storage)
    await appliance.waitUntilReady()

    const response = await fetch(`${appliance.url}/health/ready`)
    assert.equal(response.status, 200)
    const readiness = (await response.json()) as { mode: string; checks: Record<string, { status: string; message: string }> }
    assert.equal(readiness.mode, 'embedded')
    assert.equal(readiness.checks.database.status, 'ok')
    assert.equal(readiness.checks.pgvector.status, 'ok')
    /* The in-process worker records heartbeats like a separate one. */
    assert.equal(readiness.checks.worker.status, 'ok')

    /* The status page carries the same readiness, mode included. */
    const page = await (await fetch(`${appliance.url}/`)).text()
    assert.match(page, /(&quot;|")mode(&quot;|"):(&quot;|")embedded(&quot;|")/)
  })

  test('a job goes round trip through the in-process worker', async ({ assert }) => {
    const sent = await api('/api/v1/system/pings', { method: 'POST', body: JSON.stringify({ message: 'embedded' }) })
    assert.equal(sent.status, 202, await sent.clone().text())
    pingId = ((await sent.json()) as { ping: { id: string } }).ping.id
    const ping = await waitForPing(pingId)
    assert.equal(ping.state, 'completed')
  })

  test('20 parallel requests all succeed while jobs run', async ({ assert }) => {
    const held: string[] = []
    for (let index = 0; index < 5; index++) {
      const sent = await api('/api/v1/system/pings', { method: 'POST', body: JSON.stringify({ message: `load ${index}`, holdMs: 300 }) })
      assert.equal(sent.status, 202)
      held.push(((await sent.json()) as { ping: { id: string } }).ping.id)
    }
    const requests = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0 ? fetch(`${appliance!.url}/health/ready`) : api(`/api/v1/system/pings/${pingId}`)
    )
    const statuses = (await Promise.all(requests)).map((response) => response.status)
    assert.deepEqual(statuses, Array(20).fill(200))
    for (const id of held) await waitForPing(id)
  })

  test('a second process on the same data folder is refused with exit code 22, the running one unharmed', async ({ assert }) => {
    const second = await ace(['admin:reset-password', ADMIN.email, '--password', 'Another-Password-2024!'], embeddedEnv(storage))
    assert.equal(second.code, EMBEDDED_EXIT.dataDirectoryInUse)
    assert.include(second.stderr, 'is in use by another Clinibox process')
    assert.include(second.stderr, join(storage, 'pgdata'))

    const web = await Appliance.start(storage)
    assert.equal(await web.exit(), EMBEDDED_EXIT.dataDirectoryInUse)
    assert.include(web.output, 'is in use by another Clinibox process')

    const exported = await ace(['db:export', '--out', join(storage, 'running.sql')], embeddedEnv(storage))
    assert.equal(exported.code, EMBEDDED_EXIT.dataDirectoryInUse)
    assert.include(exported.stdout + exported.stderr, 'needs the appliance stopped')

    assert.isTrue(appliance!.running)
    assert.equal((await api(`/api/v1/system/pings/${pingId}`)).status, 200)
  })

  test('stops on SIGTERM and keeps its data across a restart', async ({ assert }) => {
    assert.equal(await appliance!.stop(), 0)
    appliance = await Appliance.start(storage)
    await appliance.waitUntilReady()
    /* The token (so the admin) and the completed job are still there. */
    const response = await api(`/api/v1/system/pings/${pingId}`)
    assert.equal(response.status, 200)
    assert.equal(((await response.json()) as { ping: { state: string } }).ping.state, 'completed')
    assert.equal(await appliance.stop(), 0)
  })

  test('pgvector answers a nearest-neighbour query on the persisted database', async ({ assert }) => {
    /* The appliance is stopped: open its data folder directly (this also proves the lock was released). */
    const database = await openEmbeddedDatabase(join(storage, 'pgdata'), { serve: false })
    try {
      await database.pglite.exec(`
        create temporary table nn_probe (label text, embedding vector(3));
        insert into nn_probe values ('north', '[0,1,0]'), ('east', '[1,0,0]'), ('up', '[0,0,1]');
      `)
      const nearest = await database.pglite.query<{ label: string }>(
        `select label from nn_probe order by embedding <-> '[0.9,0.1,0]' limit 1`
      )
      assert.equal(nearest.rows[0].label, 'east')
      const admins = await database.pglite.query<{ email: string }>('select email from users')
      assert.deepEqual(admins.rows.map((row) => row.email), [ADMIN.email])
    } finally {
      await database.close()
    }
  })

  test('db:export writes a pg_dump SQL file of the embedded database', async ({ assert }) => {
    const out = join(storage, 'clinibox.sql')
    const exported = await ace(['db:export', '--out', out], embeddedEnv(storage))
    assert.equal(exported.code, 0, exported.stdout + exported.stderr)
    const sql = readFileSync(out, 'utf8')
    assert.include(sql, 'PostgreSQL database dump')
    assert.include(sql, 'CREATE EXTENSION IF NOT EXISTS vector')
    assert.include(sql, ADMIN.email)
    assert.notInclude(sql, 'OWNER TO')
  })

  test('a corrupt data folder is refused with exit code 21 and left untouched', async ({ assert }) => {
    const copy = join(storage, 'corrupt')
    cpSync(join(storage, 'pgdata'), copy, { recursive: true })
    const garbage = Buffer.alloc(8192, 0x5a)
    writeFileSync(join(copy, 'global', 'pg_control'), garbage)

    const run = await Appliance.start(storage, { EMBEDDED_DATA_PATH: copy })
    assert.equal(await run.exit(), EMBEDDED_EXIT.dataDirectoryCorrupt)
    assert.include(run.output, `the data folder ${copy} is damaged`)
    assert.deepEqual(readFileSync(join(copy, 'global', 'pg_control')), garbage)

    writeFileSync(join(copy, 'PG_VERSION'), 'not a version\n')
    const again = await ace(['admin:reset-password', ADMIN.email, '--password', 'Another-Password-2024!'], embeddedEnv(storage, { EMBEDDED_DATA_PATH: copy }))
    assert.equal(again.code, EMBEDDED_EXIT.dataDirectoryCorrupt)
    assert.include(again.stderr, 'PG_VERSION is unreadable')
    assert.equal(readFileSync(join(copy, 'PG_VERSION'), 'utf8'), 'not a version\n')
  })

  test('a storage folder that cannot be written is refused with exit code 20', async ({ assert }) => {
    const file = join(storage, 'a-file')
    writeFileSync(file, 'not a folder')
    const run = await Appliance.start(join(file, 'storage'))
    assert.equal(await run.exit(), EMBEDDED_EXIT.storageNotWritable)
    assert.include(run.output, `cannot create or write the folder ${join(file, 'storage', 'pgdata')}`)
    assert.equal(readFileSync(file, 'utf8'), 'not a folder')
  })
})
