/*
| Readiness latency: starts the real web server (bin/server.ts) and a job
| worker (`node ace jobs:work`, so readiness answers 200), waits until
| GET /health/ready is 200, warms up, then loads it with autocannon
| (BENCH_CONNECTIONS, default 50, for BENCH_SECONDS, default 10).
| Latency percentiles are computed from every response time, since
| autocannon's own summary has no p95.
|
| Run by bin/bench.ts against a migrated throwaway database; needs
| DATABASE_URL and the other start/env.ts variables. Prints one JSON line.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_S = 2
const READY_TIMEOUT_MS = 45_000
/** SIGTERM first; SIGKILL when a child is still alive after this. */
const STOP_TIMEOUT_MS = 15_000
const HARD_TIMEOUT_MS = 90_000

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))
const log = (message: string) => process.stderr.write(`[health_ready_latency] ${message}\n`)
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const children: ChildProcess[] = []

function killAll(signal: NodeJS.Signals) {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
}

const hardStop = setTimeout(() => {
  log(`still running after ${HARD_TIMEOUT_MS / 1000} s: giving up`)
  killAll('SIGKILL')
  process.exit(1)
}, HARD_TIMEOUT_MS)
hardStop.unref()

/* bin/bench.ts sends SIGTERM on its timeout or Ctrl+C: stop the children before leaving. */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal} received: stopping the children`)
    killAll('SIGTERM')
    Promise.all(children.map((child) => waitForExit(child, 5_000))).finally(() => {
      killAll('SIGKILL')
      process.exit(130)
    })
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

/** Starts `node <args>` in the app root; its output goes to stderr with a prefix. */
function startChild(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) process.stderr.write(`[${label}] ${line}\n`)
  }
  child.stdout!.on('data', forward)
  child.stderr!.on('data', forward)
  child.on('exit', (code, signal) => log(`${label} exited (${code ?? signal})`))
  children.push(child)
  return child
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

async function stopAll() {
  killAll('SIGTERM')
  const exited = await Promise.all(children.map((child) => waitForExit(child, STOP_TIMEOUT_MS)))
  if (exited.includes(false)) {
    log('a child ignored SIGTERM: killing it')
    killAll('SIGKILL')
    await Promise.all(children.map((child) => waitForExit(child, 5_000)))
  }
}

async function waitUntilReady(url: string, processes: ChildProcess[]) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let last = 'no answer'
  while (Date.now() < deadline) {
    const dead = processes.find((child) => child.exitCode !== null || child.signalCode !== null)
    if (dead) throw new Error(`${dead.spawnargs.slice(-2).join(' ')} exited before readiness`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      const body = await response.text()
      if (response.status === 200) return
      last = `${response.status} ${body.slice(0, 300)}`
    } catch (error) {
      last = (error as Error).message
    }
    await sleep(250)
  }
  throw new Error(`${url} not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last})`)
}

/**
 * CPU seconds a process has used so far (Linux /proc, USER_HZ = 100), or
 * undefined elsewhere. Shows whether the web process saturates its one core.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

function load(url: string, connections: number, duration: number, responseTimes?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration }, (error, result) =>
      error ? reject(error) : resolve(result)
    )
    if (responseTimes) {
      instance.on('response', (_client, _statusCode, _bytes, responseTime) => responseTimes.push(responseTime))
    }
  })
}

let result: Record<string, unknown> | undefined
try {
  const port = await freePort()
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' }
  const url = `http://127.0.0.1:${port}/health/ready`

  log(`starting web server on port ${port} and a worker`)
  const server = startChild('web', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], env)
  const worker = startChild('worker', ['ace.js', 'jobs:work'], env)
  await waitUntilReady(url, [server, worker])
  log('ready; warming up')

  await load(url, CONNECTIONS, WARMUP_S)

  const loadAverage = loadavg()[0]
  log(`loading with ${CONNECTIONS} connections for ${DURATION_S} s`)
  const responseTimes: number[] = []
  const cpuBefore = cpuSeconds(server.pid)
  const run = await load(url, CONNECTIONS, DURATION_S, responseTimes)
  const cpuAfter = cpuSeconds(server.pid)
  const serverCpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  responseTimes.sort((a, b) => a - b)
  /* Let the server finish the requests still queued when the load stopped, so shutdown does not abort them. */
  await sleep(1_000)

  result = {
    name: 'health_ready_latency',
    connections: CONNECTIONS,
    duration_s: round(run.duration, 1),
    requests: run.requests.total,
    requests_per_s: Math.round(run.requests.total / run.duration),
    latency_ms: {
      p50: round(percentile(responseTimes, 50)),
      p95: round(percentile(responseTimes, 95)),
      p99: round(percentile(responseTimes, 99)),
      max: round(responseTimes.at(-1) ?? Number.NaN),
    },
    non_2xx: run.non2xx,
    errors: run.errors + run.timeouts,
    /* Share of one core the web process used during the run (100 = its event loop is saturated). */
    server_cpu_pct: serverCpuSeconds === undefined ? null : Math.round((serverCpuSeconds / run.duration) * 100),
    server_cpu_ms_per_request: serverCpuSeconds === undefined ? null : round((serverCpuSeconds * 1000) / run.requests.total),
    /* 1-minute load average before the run: other work on the box inflates latency. */
    load_average_1m: round(loadAverage, 2),
  }
} catch (error) {
  process.exitCode = 1
  log(`failed: ${(error as Error).stack ?? error}`)
} finally {
  await stopAll()
}

if (result) process.stdout.write(`${JSON.stringify(result)}\n`)
