import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import { vectorIndexRegistry, type VectorIndexSpec } from '#ai/index'

/**
 * A vector index the way a module would declare one (an untyped `vector`
 * column and the embedder beside it), registered for re-embedding.
 */
export async function createTestVectorIndex(name = 'test_passages'): Promise<VectorIndexSpec> {
  await db.rawQuery(`drop table if exists ${name}`)
  await db.rawQuery(`create table ${name} (id serial primary key, body text not null, embedding vector, embedder text)`)
  const spec = { name, table: name, idColumn: 'id', textColumn: 'body', vectorColumn: 'embedding', embedderColumn: 'embedder' }
  vectorIndexRegistry.register(spec)
  return spec
}

export async function dropTestVectorIndex(spec: VectorIndexSpec) {
  vectorIndexRegistry.unregister(spec.name)
  await db.rawQuery(`drop table if exists ${spec.table}`)
}

/** Polls until the index's progress row says ready for `embedder`. */
export async function waitForIndexReady(name: string, embedder: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const row = await db.from('ai_vector_indexes').where({ name, embedder, status: 'ready' }).first()
    if (row) return row
    await sleep(100)
  }
  throw new Error(`Vector index ${name} did not finish re-embedding with ${embedder}`)
}
