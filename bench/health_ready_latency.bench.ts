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
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import { ChildProcesses, freePort, percentile, round, sleep } from './child_processes.ts'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_S = 2
const READY_TIMEOUT_MS = 45_000
const HARD_TIMEOUT_MS = 90_000

const log = (message: string) => process.stderr.write(`[health_ready_latency] ${message}\n`)
const children = new ChildProcesses(log)

const hardStop = setTimeout(() => {
  log(`still running after ${HARD_TIMEOUT_MS / 1000} s: giving up`)
  void children.stop(undefined, 0).finally(() => process.exit(1))
}, HARD_TIMEOUT_MS)
hardStop.unref()

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
  const server = children.start('web', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], env)
  const worker = children.start('worker', ['ace.js', 'jobs:work'], env)
  await children.waitUntilReady(url, [server, worker], READY_TIMEOUT_MS)
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
  await children.stop()
}

if (result) process.stdout.write(`${JSON.stringify(result)}\n`)
