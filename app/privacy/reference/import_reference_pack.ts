import { resolve } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import { invalidateDictionaries } from '#privacy/reference/load_dictionaries'
import { readReferencePack, type ReferenceCounts } from '#privacy/reference/read_reference_pack'
import { US_STATES } from '#privacy/reference/us_states'

export interface ImportReferencePackInput {
  /** The reference `data` folder (the layout of shared/data). */
  dir: string
  /** Default `us-reference`. A pack of the same name is replaced. */
  pack?: string
  /** Default: today's date (UTC), YYYY-MM-DD. */
  version?: string
}

export interface ImportedReferencePack {
  id: number
  name: string
  version: string
  sourceDir: string
  counts: ReferenceCounts
  /** The version this import replaced, if the pack was already imported. */
  replacedVersion: string | null
}

export const DEFAULT_REFERENCE_PACK = 'us-reference'
const PACK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/

/* Rows per INSERT statement: the rows travel as one JSON parameter. */
const BATCH_ROWS = 5_000

/**
 * Reads a reference-data folder and stores its lists as pack `pack`,
 * replacing a previous import of that name, in one transaction with its
 * audit event (`reference.pack.imported`). A bad folder or file changes nothing.
 */
export async function importReferencePack(input: ImportReferencePackInput, by: AuditContext): Promise<ImportedReferencePack> {
  const name = input.pack ?? DEFAULT_REFERENCE_PACK
  const version = input.version ?? clock.now().toISODate()!
  if (!PACK_NAME.test(name)) {
    throw AppError.unprocessable('REFERENCE_INVALID_PACK_NAME', 'Pack names use letters, digits, ".", "_" and "-" (up to 100 characters).')
  }
  if (!VERSION.test(version)) {
    throw AppError.unprocessable('REFERENCE_INVALID_VERSION', 'Versions use letters, digits, ".", "_", "+" and "-" (up to 100 characters).')
  }
  const sourceDir = resolve(input.dir)
  const contents = await readReferencePack(sourceDir, { pack: name, version })

  const imported = await db.transaction(async (trx) => {
    const previous = await trx.from('reference_packs').where('name', name).select('id', 'version').forUpdate().first()
    if (previous) await trx.from('reference_packs').where('id', previous.id).delete()

    const [pack] = await trx
      .table('reference_packs')
      .insert({ name, version, source_dir: sourceDir, imported_at: clock.now().toJSDate(), counts: JSON.stringify(contents.counts) })
      .returning('id')
    const packId: number = pack.id

    await insertRows(trx, 'reference_names', 'kind text, name text, frequency real', packId, [
      ...[...contents.firstNames].map(([first, frequency]) => ({ kind: 'first', name: first, frequency })),
      ...[...contents.lastNames].map(([last, frequency]) => ({ kind: 'last', name: last, frequency })),
    ])
    await insertRows(trx, 'reference_places', 'kind text, name text, state_code text', packId, [
      ...[...contents.cityStates].flatMap(([city, states]) => [...states].map((state) => ({ kind: 'city', name: city, state_code: state }))),
      ...US_STATES.map(([code, state]) => ({ kind: 'state', name: state.toLowerCase(), state_code: code })),
    ])
    await insertRows(trx, 'reference_organizations', 'name text', packId, [...contents.organizations].map((organization) => ({ name: organization })))
    await insertRows(trx, 'reference_common_words', 'word text', packId, [...contents.commonWords].map((word) => ({ word })))

    await recordAuditEvent(
      {
        ...by,
        action: 'reference.pack.imported',
        outcome: 'success',
        resourceType: 'reference_pack',
        resourceId: packId,
        metadata: { name, version, sourceDir, counts: contents.counts, replacedVersion: previous?.version ?? null },
      },
      { trx }
    )
    return { id: packId, name, version, sourceDir, counts: contents.counts, replacedVersion: (previous?.version as string | undefined) ?? null }
  })
  invalidateDictionaries()
  return imported
}

/* Multi-row inserts: each batch is one statement, its rows one JSON parameter expanded by jsonb_to_recordset. */
async function insertRows(trx: TransactionClientContract, table: string, columns: string, packId: number, rows: Record<string, unknown>[]) {
  const names = columns.split(',').map((column) => column.trim().split(' ')[0])
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH_ROWS))
    await trx.rawQuery(
      `insert into ${table} (pack_id, ${names.join(', ')}) select ?, ${names.map((name) => `r.${name}`).join(', ')} from jsonb_to_recordset(?::jsonb) as r(${columns})`,
      [packId, batch]
    )
  }
}
