/*
| PHI detection quality, measured with one command:
| - ../shared/eval-dev (40 annotated clinical notes): the pipeline's spans
|   are written as predictions and scored by eval-dev/score.mjs (leak rate,
|   recall and precision overall and per type);
| - ../shared/data/deid/presidio_synth_dataset_v2.json.gz (1,500 synthetic
|   general-domain sentences): its entity names mapped to ours, scored here
|   the same way (leak rate of PHI characters, span-overlap recall/precision).
| Dictionaries come from ../shared/data read directly (the same reader as
| `node ace reference:import`). PHI_EVAL_DETAILS=NAME,DATE prints every
| missed gold span and every false positive of those types to stderr.
| Prints one JSON line.
*/
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createIgnitor } from '../bin/ignitor.ts'
import { round } from './child_processes.ts'

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url))
const EVAL_DIR = join(SHARED, 'eval-dev')
const DETAILS = new Set((process.env.PHI_EVAL_DETAILS ?? '').split(',').filter(Boolean))
const log = (message: string) => process.stderr.write(`${message}\n`)

/** Presidio's entity names -> ours; entities that are not Safe Harbor PHI are left out of recall. */
const PRESIDIO_TYPES: Record<string, string | null> = {
  PERSON: 'NAME',
  STREET_ADDRESS: 'ADDRESS',
  GPE: 'CITY',
  ORGANIZATION: 'ORGANIZATION',
  CREDIT_CARD: 'ACCOUNT',
  DATE_TIME: 'DATE',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  ZIP_CODE: 'ZIP',
  DOMAIN_NAME: 'URL',
  IBAN_CODE: 'ACCOUNT',
  US_SSN: 'SSN',
  IP_ADDRESS: 'IP',
  US_DRIVER_LICENSE: 'LICENSE',
  TITLE: null,
  NRP: null,
  AGE: null,
}

const app = createIgnitor().createApp('console')
await app.init()
await app.boot()
const { detectPhiWithRules } = await import('#privacy/services/detect_phi')
const { toCodePointOffsets } = await import('#privacy/services/code_point_offsets')
const { readReferencePack } = await import('#privacy/reference/read_reference_pack')

type Span = { start: number; end: number; type: string; text?: string }
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end
const context = (text: string, span: Span) => JSON.stringify(text.slice(Math.max(0, span.start - 25), span.end + 25))

const dictionaries = await readReferencePack(join(SHARED, 'data'))
const folder = mkdtempSync(join(tmpdir(), 'clinibox-phi-eval-'))
let result: Record<string, unknown> | undefined
try {
  /* eval-dev, scored by its own scorer. */
  const ids = readdirSync(EVAL_DIR).filter((file) => /^\d+\.txt$/.test(file)).map((file) => file.slice(0, -4))
  for (const id of ids) {
    const text = readFileSync(join(EVAL_DIR, `${id}.txt`), 'utf8')
    const spans = detectPhiWithRules(text, { dictionaries })
    writeFileSync(join(folder, `${id}.json`), JSON.stringify({ phi: toCodePointOffsets(text, spans), codes: [] }))
    if (DETAILS.size > 0) {
      const gold: Span[] = JSON.parse(readFileSync(join(EVAL_DIR, `${id}.json`), 'utf8')).phi
      for (const g of gold) if (DETAILS.has(g.type) && !spans.some((p) => overlaps(p, g))) log(`MISS ${id} ${g.type} ${context(text, g)}`)
      for (const p of spans) if (DETAILS.has(p.type) && !gold.some((g) => overlaps(p, g))) log(`FP   ${id} ${p.type} ${p.source} ${context(text, p)}`)
    }
  }
  const reportPath = join(folder, 'report.json')
  execFileSync(process.execPath, [join(EVAL_DIR, 'score.mjs'), EVAL_DIR, folder, '--json', reportPath], { stdio: ['ignore', 'ignore', 'inherit'] })
  const report = JSON.parse(readFileSync(reportPath, 'utf8')).phi
  const evalDev = {
    notes: ids.length,
    leak_rate_percent: round(report.leak_rate * 100, 2),
    span_overlap_any: { recall: round(report.span_overlap_any.r, 3), precision: round(report.span_overlap_any.p, 3) },
    span_overlap_typed: { recall: round(report.span_overlap_typed.r, 3), precision: round(report.span_overlap_typed.p, 3) },
    per_type: Object.fromEntries(
      Object.entries(report.per_type as Record<string, any>).map(([type, row]) => [
        type,
        { gold: row.gold, pred: row.pred, recall: round(row.overlap.r, 3), precision: round(row.overlap.p, 3), leak_percent: row.leak_rate === null ? null : round(row.leak_rate * 100, 1) },
      ])
    ),
  }

  /* Presidio's synthetic set. */
  const records: { full_text: string; spans: { entity_type: string; start_position: number; end_position: number }[] }[] = JSON.parse(
    gunzipSync(readFileSync(join(SHARED, 'data', 'deid', 'presidio_synth_dataset_v2.json.gz'))).toString('utf8')
  )
  const presidioTypes: Record<string, { gold: number; found: number }> = {}
  let goldChars = 0
  let leakedChars = 0
  let goldSpans = 0
  let goldHit = 0
  let predSpans = 0
  let predHit = 0
  for (const record of records) {
    const text = record.full_text
    const gold = record.spans.map((span) => ({ start: span.start_position, end: span.end_position, type: PRESIDIO_TYPES[span.entity_type] ?? null }))
    const spans = detectPhiWithRules(text, { dictionaries })
    for (const g of gold.filter((span) => span.type !== null)) {
      goldSpans++
      const row = (presidioTypes[g.type!] ??= { gold: 0, found: 0 })
      row.gold++
      if (spans.some((p) => overlaps(p, g as Span))) {
        goldHit++
        row.found++
      } else if (DETAILS.has(g.type!)) log(`MISS presidio ${g.type} ${context(text, g as Span)}`)
      for (let i = g.start; i < g.end; i++) {
        if (/\s/.test(text[i])) continue
        goldChars++
        if (!spans.some((p) => p.start <= i && i < p.end)) leakedChars++
      }
    }
    for (const p of spans) {
      predSpans++
      if (gold.some((g) => overlaps(p, g as Span))) predHit++
      else if (DETAILS.has(p.type)) log(`FP   presidio ${p.type} ${p.source} ${context(text, p)}`)
    }
  }
  const presidio = {
    records: records.length,
    leak_rate_percent: round((leakedChars / goldChars) * 100, 2),
    span_overlap_any: { recall: round(goldHit / goldSpans, 3), precision: round(predHit / predSpans, 3) },
    recall_per_type: Object.fromEntries(Object.entries(presidioTypes).map(([type, row]) => [type, { gold: row.gold, recall: round(row.found / row.gold, 3) }])),
  }

  result = {
    name: 'phi_quality',
    dictionaries: dictionaries.source,
    targets: { leak_rate_percent: 1, recall: 0.99, precision: 0.9 },
    eval_dev: evalDev,
    presidio_synth: presidio,
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
  await app.terminate()
}
console.log(JSON.stringify(result))
