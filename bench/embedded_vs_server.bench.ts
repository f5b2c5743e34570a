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
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_S = 2
const READY_TIMEOUT_MS = 60_000
const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))
const log = (message: string) => process.stderr.write(`[embedded_vs_server] ${message}\n`)
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const children: ChildProcess[] = []
const killAll = (signal: NodeJS.Signals) => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll('SIGTERM')
    setTimeout(() => process.exit(130), 5_000).unref()
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function startChild(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) process.stderr.write(`[${label}] ${line}\n`)
  }
  child.stdout!.on('data', forward)
  child.stderr!.on('data', forward)
  children.push(child)
  return child
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

async function stop(processes: ChildProcess[]) {
  for (const child of processes) child.kill('SIGTERM')
  await Promise.all(processes.map((child) => waitForExit(child, 20_000)))
}

async function waitUntilReady(url: string, processes: ChildProcess[]) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (processes.some((child) => child.exitCode !== null || child.signalCode !== null)) throw new Error('a process exited before readiness')
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.text()
      if (response.status === 200) return
    } catch {}
    await sleep(100)
  }
  throw new Error(`${url} not ready after ${READY_TIMEOUT_MS / 1000} s`)
}

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
  const appliance = startChild('embedded', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], embeddedEnv)
  await waitUntilReady(embeddedUrl, [appliance])
  const coldStartMs = Math.round(performance.now() - startedAt)
  log(`ready in ${coldStartMs} ms; loading`)
  const embedded = await measure(embeddedUrl)
  await stop([appliance])

  /* Warm start of the same (now migrated) embedded database. */
  const warmStartedAt = performance.now()
  const again = startChild('embedded', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], embeddedEnv)
  await waitUntilReady(embeddedUrl, [again])
  const warmStartMs = Math.round(performance.now() - warmStartedAt)
  await stop([again])

  /* Server: the database bin/bench.ts created and migrated, web + worker as two processes. */
  const serverPort = await freePort()
  const serverUrl = `http://127.0.0.1:${serverPort}/health/ready`
  const serverEnv = { ...process.env, PORT: String(serverPort) }
  log('starting web + worker against the PostgreSQL server')
  const serverStartedAt = performance.now()
  const web = startChild('web', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], serverEnv)
  const worker = startChild('worker', ['ace.js', 'jobs:work'], serverEnv)
  await waitUntilReady(serverUrl, [web, worker])
  const serverStartMs = Math.round(performance.now() - serverStartedAt)
  const server = await measure(serverUrl)
  await stop([web, worker])

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
  killAll('SIGTERM')
  await Promise.all(children.map((child) => waitForExit(child, 10_000)))
  rmSync(storage, { recursive: true, force: true })
}

if (result) process.stdout.write(`${JSON.stringify(result)}\n`)
