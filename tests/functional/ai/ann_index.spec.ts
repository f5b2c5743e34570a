import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { HASHING_DIMENSION, HASHING_EMBEDDER_ID, annDistanceSql, applyAnnSearchSettings, ensureAnnIndex, hashingEmbed, toVectorLiteral } from '#ai/index'
import { annIndexName } from '#ai/vectors/ann_index'
import { createTestVectorIndex, dropTestVectorIndex } from '#tests/helpers/vector_index'

const WORDS = ['knee', 'shoulder', 'chest', 'pain', 'fracture', 'diabetes', 'asthma', 'fever', 'cough', 'rash', 'ankle', 'sprain']

test.group('HNSW index per embedder', () => {
  test('ensureAnnIndex creates one partial HNSW index for an embedder, once', async ({ assert, cleanup }) => {
    const spec = await createTestVectorIndex('test_ann_passages')
    cleanup(() => dropTestVectorIndex(spec))

    await ensureAnnIndex(spec, HASHING_EMBEDDER_ID, HASHING_DIMENSION)
    await ensureAnnIndex(spec, HASHING_EMBEDDER_ID, HASHING_DIMENSION)

    const indexes = await db.from('pg_indexes').where('tablename', spec.table).whereILike('indexdef', '%hnsw%')
    assert.lengthOf(indexes, 1)
    assert.equal(indexes[0].indexname, annIndexName(spec, HASHING_EMBEDDER_ID))
    assert.include(indexes[0].indexdef, `vector(${HASHING_DIMENSION})`)
    assert.include(indexes[0].indexdef, `'${HASHING_EMBEDDER_ID}'`)
  })

  test('a nearest-neighbour query on the same expression and embedder uses the index and finds the closest text', async ({ assert, cleanup }) => {
    const spec = await createTestVectorIndex('test_ann_neighbours')
    cleanup(() => dropTestVectorIndex(spec))
    const bodies = Array.from({ length: 400 }, (_, i) => `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} note ${i}`)
    await db.table(spec.table).multiInsert(bodies.map((body) => ({ body, embedding: toVectorLiteral(hashingEmbed(body)), embedder: HASHING_EMBEDDER_ID })))
    await db.table(spec.table).insert({ body: 'made by another embedder', embedding: '[1,2,3]', embedder: 'other-v1-3' })
    await ensureAnnIndex(spec, HASHING_EMBEDDER_ID, HASHING_DIMENSION)
    await db.rawQuery(`analyze ${spec.table}`)

    const query = toVectorLiteral(hashingEmbed(bodies[123]))
    const distance = annDistanceSql(spec, HASHING_DIMENSION)
    await db.transaction(async (trx) => {
      await applyAnnSearchSettings(trx, 80)
      await trx.rawQuery('set local enable_seqscan = off')
      const plan = await trx.rawQuery(`explain select id from ${spec.table} where embedder = ? order by ${distance} limit 5`, [HASHING_EMBEDDER_ID, query])
      assert.include(plan.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n'), annIndexName(spec, HASHING_EMBEDDER_ID))

      const nearest = await trx.rawQuery(`select body from ${spec.table} where embedder = ? order by ${distance} limit 1`, [HASHING_EMBEDDER_ID, query])
      assert.equal(nearest.rows[0].body, bodies[123])
    })
  })

  test('refuses an embedder id that cannot be quoted safely into the index definition', async ({ assert, cleanup }) => {
    const spec = await createTestVectorIndex('test_ann_refusal')
    cleanup(() => dropTestVectorIndex(spec))
    await assert.rejects(() => ensureAnnIndex(spec, "x'; drop table users; --", 3), /cannot name an index/)
  })
})
