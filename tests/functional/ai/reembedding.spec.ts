import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { HASHING_DIMENSION, HASHING_EMBEDDER_ID, ai, hashingEmbed, toVectorLiteral } from '#ai/index'
import { hashingEmbedder } from '#ai/embedders/current_embedder'
import { startReembedding } from '#ai/vectors/start_reembedding'
import { startTestWorker, deleteAllJobs } from '#tests/helpers/jobs'
import { resetModelRegistry } from '#tests/helpers/model_registry'
import { createTestVectorIndex, dropTestVectorIndex, waitForIndexReady } from '#tests/helpers/vector_index'

test.group('Embeddings without a model', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('embed() uses the hashing embedder and says so', async ({ assert }) => {
    const result = await ai.embed(['chest pain', 'shortness of breath'])
    assert.equal(result.embedderId, HASHING_EMBEDDER_ID)
    assert.deepEqual(result.engine, { type: 'hashing', name: 'hashing', version: 'v1-384' })
    assert.lengthOf(result.vectors, 2)
    assert.lengthOf(result.vectors[0], HASHING_DIMENSION)
  })

  test('generation and NER without a model answer AI_NO_MODEL (503) so callers fall back', async ({ assert }) => {
    const generation = await ai.complete({ task: 'chat', messages: [{ role: 'user', content: 'hello' }] }).catch((error) => error)
    assert.equal(generation.code, 'AI_NO_MODEL')
    assert.equal(generation.status, 503)
    const ner = await ai.classifyTokens('John Smith', 'phi-ner').catch((error) => error)
    assert.equal(ner.code, 'AI_NO_MODEL')
    assert.deepEqual(await ai.engineFor('phi-ner'), { type: 'rules', name: 'rules', version: 'built-in' })
  })
})

test.group('Re-embedding a vector index', (group) => {
  group.each.setup(async () => {
    await resetModelRegistry()
    await deleteAllJobs()
  })

  test('re-embeds, in background jobs with progress, every row another embedder made', async ({ assert, cleanup }) => {
    const spec = await createTestVectorIndex()
    cleanup(() => dropTestVectorIndex(spec))
    const rows = Array.from({ length: 70 }, (_, i) => ({ body: `passage ${i} about the knee`, embedder: 'hashing-v0-384' }))
    await db.table(spec.table).multiInsert(rows)
    await db.table(spec.table).insert({ body: 'already current', embedding: toVectorLiteral(hashingEmbed('already current')), embedder: HASHING_EMBEDDER_ID })

    await startReembedding(hashingEmbedder)
    const progress = await db.from('ai_vector_indexes').where('name', spec.name).firstOrFail()
    assert.deepInclude(progress, { embedder: HASHING_EMBEDDER_ID, status: 'reembedding', rows_total: 71, rows_done: 1 })

    const worker = await startTestWorker()
    cleanup(() => worker.stop())
    const done = await waitForIndexReady(spec.name, HASHING_EMBEDDER_ID)
    assert.deepInclude(done, { rows_total: 71, rows_done: 71, dimension: HASHING_DIMENSION })
    assert.isNotNull(done.reembed_finished_at)

    const stale = await db.from(spec.table).whereNot('embedder', HASHING_EMBEDDER_ID).count('* as total')
    assert.equal(Number(stale[0].total), 0)
    const dims = await db.from(spec.table).select(db.raw('vector_dims(embedding) as dims')).distinct()
    assert.deepEqual(dims.map((row) => row.dims), [HASHING_DIMENSION])
  })

  test('an index already made by the current embedder is ready at once, with no job', async ({ assert, cleanup }) => {
    const spec = await createTestVectorIndex()
    cleanup(() => dropTestVectorIndex(spec))
    await db.table(spec.table).insert({ body: 'current', embedder: HASHING_EMBEDDER_ID })
    await startReembedding(hashingEmbedder)
    assert.deepInclude(await db.from('ai_vector_indexes').where('name', spec.name).firstOrFail(), { status: 'ready', rows_done: 1 })
  })
})
