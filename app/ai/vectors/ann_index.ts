import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { VectorIndexSpec } from '#ai/vectors/vector_index_registry'

/*
| Approximate nearest-neighbour search over a registered vector index.
|
| The vector column is an untyped `vector` (embedders differ in dimension),
| and pgvector's HNSW needs a fixed dimension, so each embedder gets its own
| partial expression index:
|
|   create index … using hnsw ((embedding::vector(384)) vector_cosine_ops)
|     where embedder = 'hashing-v1-384'
|
| Queries order by the same expression (`annDistanceSql`) and filter on the
| same embedder (`where embedder = ?`), which lets the planner pick the index.
*/

const EMBEDDER_ID = /^[A-Za-z0-9:@._\/+-]+$/

/** HNSW build parameters (pgvector defaults are m=16, ef_construction=64). */
const HNSW_M = 16
const HNSW_EF_CONSTRUCTION = 64

export function annIndexName(spec: VectorIndexSpec, embedderId: string): string {
  const suffix = createHash('sha256').update(embedderId).digest('hex').slice(0, 10)
  return `${spec.table}_${spec.vectorColumn}_hnsw_${suffix}`.slice(0, 63)
}

/**
 * Creates the HNSW index for one embedder's vectors if it is missing (one
 * catalogue lookup when it exists, so it is cheap to call after every write).
 */
export async function ensureAnnIndex(spec: VectorIndexSpec, embedderId: string, dimension: number): Promise<void> {
  if (!EMBEDDER_ID.test(embedderId)) throw new Error(`Embedder id "${embedderId}" cannot name an index`)
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 2000) throw new Error(`HNSW needs a dimension of 1..2000, not ${dimension}`)
  const name = annIndexName(spec, embedderId)
  const existing = await db.from('pg_indexes').where({ tablename: spec.table, indexname: name }).first()
  if (existing) return
  /* DDL takes no bind parameters: the embedder id is checked above and quoted here. */
  await db.rawQuery(
    `create index if not exists ?? on ?? using hnsw ((??::vector(${dimension})) vector_cosine_ops) ` +
      `with (m = ${HNSW_M}, ef_construction = ${HNSW_EF_CONSTRUCTION}) where ?? = '${embedderId}'`,
    [name, spec.table, spec.vectorColumn, spec.embedderColumn]
  )
}

/**
 * The cosine-distance expression the HNSW index serves, with one binding
 * for the query vector (pass `toVectorLiteral(vector)`); `alias` prefixes
 * the column when the table is aliased in the query.
 */
export function annDistanceSql(spec: VectorIndexSpec, dimension: number, alias?: string): string {
  const column = alias ? `"${alias}"."${spec.vectorColumn}"` : `"${spec.vectorColumn}"`
  return `(${column}::vector(${dimension})) <=> ?::vector(${dimension})`
}

/**
 * Session settings for an ANN query, applied inside `trx` (SET LOCAL):
 * a wider candidate list for recall, and iterative scans so that extra
 * filters (a clinic, an owner) do not starve the result.
 */
export async function applyAnnSearchSettings(trx: TransactionClientContract, efSearch = 100): Promise<void> {
  await trx.rawQuery(`set local hnsw.ef_search = ${Math.max(10, Math.min(1000, Math.floor(efSearch)))}`)
  await trx.rawQuery(`set local hnsw.iterative_scan = relaxed_order`)
}
