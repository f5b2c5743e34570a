import db from '@adonisjs/lucid/services/db'
import { clock, jobQueue } from '#kernel/index'
import { vectorIndexRegistry } from '#ai/vectors/vector_index_registry'
import { reembedIndexJob } from '#ai/vectors/reembed_index_job'
import type { Embedder } from '#ai/embedders/current_embedder'

/**
 * Points every registered vector index at the new embedder and queues the
 * re-embedding of their rows. The progress row and the job commit together.
 */
export async function startReembedding(embedder: Embedder): Promise<void> {
  for (const spec of vectorIndexRegistry.all()) {
    await db.transaction(async (trx) => {
      const [{ total }] = await trx.from(spec.table).count('* as total')
      const [{ done }] = await trx.from(spec.table).where(spec.embedderColumn, embedder.id).count('* as done')
      const now = clock.now().toJSDate()
      const row = {
        embedder: embedder.id,
        dimension: 0,
        status: Number(total) > Number(done) ? 'reembedding' : 'ready',
        rows_total: Number(total),
        rows_done: Number(done),
        reembed_started_at: now,
        reembed_finished_at: Number(total) > Number(done) ? null : now,
        updated_at: now,
      }
      await trx.knexQuery().from('ai_vector_indexes').insert({ name: spec.name, ...row }).onConflict('name').merge()
      if (row.status === 'reembedding') await jobQueue.dispatch(reembedIndexJob, { index: spec.name, embedder: embedder.id }, { trx })
    })
  }
}
