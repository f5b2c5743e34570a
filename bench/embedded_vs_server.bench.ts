/*
| Embedded mode vs a PostgreSQL server, same machine, same run:
| - cold start: bin/server.ts in embedded mode on an EMPTY data folder
|   (PGlite initdb, migrations, worker) until GET /health/ready is 200;
| - requests/s of GET /health/ready (database, pgvector and worker checks)
|   with autocannon, BENCH_CONNECTIONS (default 10) for BENCH_SECONDS
|   (default 10), in embedded mode and against the server database that
|   bin/bench.ts migrated (web + `node ace jobs:work`).
| Prints one JSON line.
*/
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { ChildProcesses, freePort, round, sleep } from './child_processes.ts'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_S = 2
const READY_TIMEOUT_MS = 60_000
const log = (message: string) => process.stderr.write(`[embedded_vs_server] ${message}\n`)
const children = new ChildProcesses(log)

function load(url: string, duration: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

async function measure(url: string) {
  await load(url, WARMUP_S)
  const run = await load(url, DURATION_S)
  await sleep(1_000)
  return {
    requests_per_s: Math.round(run.requests.total / run.duration),
    latency_ms: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
    non_2xx: run.non2xx,
    errors: run.errors + run.timeouts,
  }
}

let result: Record<string, unknown> | undefined
const storage = mkdtempSync(join(tmpdir(), 'clinibox-bench-embedded-'))
try {
  const loadAverage = loadavg()[0]

  /* Embedded: an empty data folder, so the start includes initdb and every migration. */
  const embeddedPort = await freePort()
  const embeddedUrl = `http://127.0.0.1:${embeddedPort}/health/ready`
  const embeddedEnv = { ...process.env, DATABASE_URL: '', EMBEDDED_DATA_PATH: '', STORAGE_PATH: storage, PORT: String(embeddedPort) }
  log('cold-starting the appliance in embedded mode')
  const startedAt = performance.now()
  const appliance = children.start('embedded', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], embeddedEnv)
  await children.waitUntilReady(embeddedUrl, [appliance], READY_TIMEOUT_MS)
  const coldStartMs = Math.round(performance.now() - startedAt)
  log(`ready in ${coldStartMs} ms; loading`)
  const embedded = await measure(embeddedUrl)
  await children.stop([appliance], 20_000)

  /* Warm start of the same (now migrated) embedded database. */
  const warmStartedAt = performance.now()
  const again = children.start('embedded', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], embeddedEnv)
  await children.waitUntilReady(embeddedUrl, [again], READY_TIMEOUT_MS)
  const warmStartMs = Math.round(performance.now() - warmStartedAt)
  await children.stop([again], 20_000)

  /* Server: the database bin/bench.ts created and migrated, web + worker as two processes. */
  const serverPort = await freePort()
  const serverUrl = `http://127.0.0.1:${serverPort}/health/ready`
  const serverEnv = { ...process.env, PORT: String(serverPort) }
  log('starting web + worker against the PostgreSQL server')
  const serverStartedAt = performance.now()
  const web = children.start('web', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], serverEnv)
  const worker = children.start('worker', ['ace.js', 'jobs:work'], serverEnv)
  await children.waitUntilReady(serverUrl, [web, worker], READY_TIMEOUT_MS)
  const serverStartMs = Math.round(performance.now() - serverStartedAt)
  const server = await measure(serverUrl)
  await children.stop([web, worker], 20_000)

  result = {
    name: 'embedded_vs_server',
    endpoint: 'GET /health/ready',
    connections: CONNECTIONS,
    duration_s: DURATION_S,
    embedded: { cold_start_to_ready_ms: coldStartMs, warm_start_to_ready_ms: warmStartMs, ...embedded },
    server: { start_to_ready_ms: serverStartMs, ...server },
    embedded_vs_server_rps_ratio: round(embedded.requests_per_s / server.requests_per_s),
    load_average_1m: round(loadAverage),
  }
} catch (error) {
  process.exitCode = 1
  log(`failed: ${(error as Error).stack ?? error}`)
} finally {
  await children.stop()
  rmSync(storage, { recursive: true, force: true })
}

if (result) process.stdout.write(`${JSON.stringify(result)}\n`)
