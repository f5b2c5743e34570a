/*
| PHI engine speed:
| - the rules path (every pattern and dictionary recognizer plus the
|   decision layer, full reference lists) in MB/s on one core, over the
|   eval-dev notes concatenated and repeated (BENCH_PHI_MB, default 4),
|   after one warm-up pass; goal >= 5 MB/s per core;
| - latency of POST /api/v1/phi/detect for a 3 KB note under 20
|   concurrent clients (autocannon, BENCH_SECONDS default 10) against the
|   real web server (bin/server.ts) with a clinician's access token.
| Prints one JSON line.
*/
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { createIgnitor } from '../bin/ignitor.ts'
import { ChildProcesses, freePort, percentile, round } from './child_processes.ts'

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url))
const EVAL_DIR = join(SHARED, 'eval-dev')
const TARGET_MB = Number(process.env.BENCH_PHI_MB ?? 4)
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 20
const log = (message: string) => process.stderr.write(`[phi_throughput] ${message}\n`)
const children = new ChildProcesses(log)

const app = createIgnitor().createApp('console')
await app.init()
await app.boot()
await app.start(async () => {})
const { detectPhiWithRules } = await import('#privacy/services/detect_phi')
const { readReferencePack } = await import('#privacy/reference/read_reference_pack')
const { importReferencePack } = await import('#privacy/reference/import_reference_pack')
const { SYSTEM_ACTOR } = await import('#audit/index')
const { default: User } = await import('#identity/models/user')
const { default: Clinic } = await import('#identity/models/clinic')
const { default: Membership } = await import('#identity/models/membership')
const { DateTime } = await import('luxon')

let result: Record<string, unknown> | undefined
try {
  /* Rules path, in this process (one core). */
  const notes = readdirSync(EVAL_DIR).filter((file) => /^\d+\.txt$/.test(file)).map((file) => readFileSync(join(EVAL_DIR, file), 'utf8'))
  const dictionaries = await readReferencePack(join(SHARED, 'data'))
  for (const note of notes) detectPhiWithRules(note, { dictionaries })
  const corpus = notes.join('\n\n')
  const repeats = Math.ceil((TARGET_MB * 1e6) / corpus.length)
  const started = performance.now()
  for (let i = 0; i < repeats; i++) detectPhiWithRules(corpus, { dictionaries })
  const seconds = (performance.now() - started) / 1000
  const megabytes = (Buffer.byteLength(corpus) * repeats) / 1e6

  /* The detect API, through the real server, with the reference pack imported. */
  await importReferencePack({ dir: join(SHARED, 'data'), pack: 'bench' }, { actor: SYSTEM_ACTOR })
  const clinic = await Clinic.create({ name: 'Bench clinic', timeZone: 'UTC' })
  const user = await User.create({ email: 'bench@clinic.test', fullName: 'Bench', password: 'bench-password-12345', systemRole: null, failedLoginCount: 0, passwordChangedAt: DateTime.utc() })
  await Membership.create({ userId: user.id, clinicId: clinic.id, role: 'clinician' })
  const token = (await User.accessTokens.create(user, ['*'], { name: 'bench' })).value!.release()

  const port = await freePort()
  const server = children.start('web', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], { ...process.env, PORT: String(port) })
  await children.waitUntilReady(`http://127.0.0.1:${port}/health`, [server], 60_000)
  const note = notes.reduce((best, text) => (Math.abs(text.length - 3000) < Math.abs(best.length - 3000) ? text : best))
  const request = {
    url: `http://127.0.0.1:${port}/api/v1/phi/detect`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
    body: JSON.stringify({ text: note }),
    connections: CONNECTIONS,
  }
  const run = (duration: number, times?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ ...request, duration }, (error, output) => (error ? reject(error) : resolve(output)))
      if (times) instance.on('response', (_client, _status, _bytes, time) => times.push(time))
    })
  await run(2)
  const times: number[] = []
  const loaded = await run(DURATION_S, times)
  times.sort((a, b) => a - b)
  await children.stop()

  result = {
    name: 'phi_throughput',
    rules_path: { megabytes: round(megabytes, 1), seconds: round(seconds, 2), mb_per_s_per_core: round(megabytes / seconds, 2), goal_mb_per_s: 5 },
    detect_api: {
      note_chars: note.length,
      connections: CONNECTIONS,
      requests_per_s: Math.round(loaded.requests.total / loaded.duration),
      latency_ms: { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) },
      non_2xx: loaded.non2xx,
      errors: loaded.errors + loaded.timeouts,
    },
  }
} finally {
  await children.stop()
  await app.terminate()
}
console.log(JSON.stringify(result))
