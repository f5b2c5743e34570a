/*
| Benchmark entrypoint: `npm run bench [-- <name filter>...]`.
|
| Creates a throwaway database on the PostgreSQL server named by DATABASE_URL
| (or the local default), migrates it, then runs every `bench/*.bench.ts`
| one after another as a child process. Each bench prints one JSON object as
| its last stdout line; it is saved to `bench/results/<name>.json` and all of
| them are printed together on stdout at the end. The database and the
| temporary storage folder are removed afterwards, also on failure or Ctrl+C.
|
| Benches measure and report only: they never fail on a slow figure.
| Progress and child output go to stderr, so stdout carries only the JSON.
|
| Runs on plain Node 24 (type stripping): it must only import modules that
| need no TypeScript loader. The benches themselves run under ts-exec.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../tests/helpers/test_database.ts'

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))
const BENCH_DIR = join(APP_ROOT, 'bench')
const RESULTS_DIR = join(BENCH_DIR, 'results')

/** Longest a migration run or a single bench may take before it is killed. */
const MIGRATION_TIMEOUT_MS = 60_000
const BENCH_TIMEOUT_MS = 100_000
/** Grace period between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 10_000

type BenchResult = Record<string, unknown> & { name: string }

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

let current: ChildProcess | undefined
let database: TestDatabase | undefined
let storagePath: string | undefined
let cleanedUp = false

/** SIGTERM (a bench then stops its own children), SIGKILL after the grace period. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
    child.once('close', () => {
      clearTimeout(killTimer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

async function cleanUp() {
  if (cleanedUp) return
  cleanedUp = true
  if (current) await stopChild(current)
  if (database) {
    try {
      await dropTestDatabase(database)
      log(`dropped database ${database.name}`)
    } catch (error) {
      log(`could not drop database ${database.name}: ${(error as Error).message}`)
    }
  }
  if (storagePath) rmSync(storagePath, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal} received: cleaning up`)
    void cleanUp().finally(() => process.exit(130))
  })
}

/**
 * Runs a child to completion with output forwarded to stderr; resolves with
 * its exit code and stdout. Killed (SIGTERM, then SIGKILL) after `timeoutMs`.
 */
function runChild(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; timedOut: boolean }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      current = child
      let stdout = ''
      let timedOut = false
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        process.stderr.write(chunk)
      })
      child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
      const killTimer = setTimeout(() => {
        timedOut = true
        log(`timed out after ${timeoutMs / 1000} s: ${args.join(' ')}`)
        void stopChild(child)
      }, timeoutMs)
      child.on('error', (error) => {
        clearTimeout(killTimer)
        reject(error)
      })
      child.on('close', (code, signal) => {
        clearTimeout(killTimer)
        current = undefined
        resolve({ code, signal, stdout, timedOut })
      })
    }
  )
}

/** The last stdout line that is a JSON object with a `name`. */
function lastJsonLine(stdout: string): BenchResult | undefined {
  const lines = stdout.split('\n').map((line) => line.trim())
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]
    if (!line.startsWith('{')) continue
    try {
      const parsed = JSON.parse(line)
      if (parsed && typeof parsed === 'object' && typeof parsed.name === 'string') return parsed
    } catch {
      // a log line that happens to start with `{`
    }
  }
  return undefined
}

async function main() {
  const filters = process.argv.slice(2)
  const files = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort()
  if (files.length === 0) throw new Error(`No bench/*.bench.ts file matches ${filters.join(', ') || '(all)'}`)

  const startedAt = performance.now()
  /* Other work on the box skews every figure: the load average at the start tells. */
  const loadAverageAtStart = loadavg()[0]
  database = await createTestDatabase(process.env.DATABASE_URL || undefined)
  storagePath = mkdtempSync(join(tmpdir(), 'clinibox-bench-storage-'))
  log(`created database ${database.name}`)

  /*
  | Every variable start/env.ts requires is set here, so a checkout without a
  | .env file works too (process variables win over .env files).
  */
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    /* Benches that serve HTTP pick a free port of their own. */
    PORT: '0',
    APP_KEY: randomBytes(24).toString('base64url'),
    PHI_VAULT_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: database.url,
    STORAGE_PATH: storagePath,
  }

  const migration = await runChild(['ace.js', 'migration:run', '--force'], env, MIGRATION_TIMEOUT_MS)
  if (migration.code !== 0) throw new Error(`Migrations failed (exit ${migration.code ?? migration.signal})`)
  log(`migrated in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`)

  mkdirSync(RESULTS_DIR, { recursive: true })
  const results: Record<string, BenchResult | { name: string; error: string }> = {}
  let failed = false

  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '')
    log(`running ${file}`)
    const benchStartedAt = performance.now()
    const run = await runChild(['--import', '@poppinss/ts-exec', join('bench', file)], env, BENCH_TIMEOUT_MS)
    const result = lastJsonLine(run.stdout)
    const seconds = ((performance.now() - benchStartedAt) / 1000).toFixed(1)
    if (run.code !== 0 || !result) {
      failed = true
      const reason = run.timedOut ? 'timed out' : `exit ${run.code ?? run.signal}${result ? '' : ', no JSON result'}`
      results[name] = { name, error: reason }
      log(`${file} failed after ${seconds} s (${reason})`)
      continue
    }
    results[name] = result
    writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`)
    log(`${file} done in ${seconds} s`)
  }

  const summary = {
    node: process.version,
    cpus: cpus().length,
    load_average_1m_at_start: Math.round(loadAverageAtStart * 100) / 100,
    finished_at: new Date().toISOString(),
    total_seconds: Math.round((performance.now() - startedAt) / 100) / 10,
    results,
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
  if (failed) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  process.exitCode = 1
  log(`failed: ${(error as Error).stack ?? error}`)
} finally {
  await cleanUp()
}
