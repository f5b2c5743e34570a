import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

test.group('pgvector', (group) => {
  group.each.setup(async () => {
    await db.from('kernel_vector_probes').delete()
  })

  test('finds the nearest neighbours of a vector by cosine distance', async ({ assert }) => {
    await db.table('kernel_vector_probes').multiInsert([
      { label: 'x-axis', embedding: '[1,0,0]' },
      { label: 'y-axis', embedding: '[0,1,0]' },
      { label: 'mostly-x', embedding: '[0.9,0.1,0]' },
    ])

    const result = await db.rawQuery(
      `select label from kernel_vector_probes order by embedding <=> ?::vector limit 2`,
      ['[1,0.05,0]']
    )
    assert.deepEqual(
      result.rows.map((row: { label: string }) => row.label),
      ['x-axis', 'mostly-x']
    )
  })

  test('answers nearest-neighbour queries from the HNSW index', async ({ assert }) => {
    await db.table('kernel_vector_probes').multiInsert([
      { label: 'a', embedding: '[1,0,0]' },
      { label: 'b', embedding: '[0,1,0]' },
    ])
    const plan = await db.transaction(async (trx) => {
      await trx.rawQuery('set local enable_seqscan = off')
      return trx.rawQuery(`explain select label from kernel_vector_probes order by embedding <=> '[1,0,0]'::vector limit 1`)
    })
    const text = plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    assert.include(text, 'kernel_vector_probes_embedding_hnsw')
  })

  test('rejects a vector of the wrong dimension', async ({ assert }) => {
    await assert.rejects(() => db.table('kernel_vector_probes').insert({ label: 'bad', embedding: '[1,0]' }))
  })
})
