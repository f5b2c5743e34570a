import { z } from 'zod'
import db from '@adonisjs/lucid/services/db'
import { clock, defineJob } from '#kernel/index'
import { vectorIndexRegistry, toVectorLiteral } from '#ai/vectors/vector_index_registry'
import { currentEmbedder } from '#ai/embedders/current_embedder'
import { localInferenceProvider } from '#ai/services/local_inference'
import { ensureAnnIndex } from '#ai/vectors/ann_index'

const BATCH_SIZE = 32

/**
 * Re-embeds the rows of one vector index whose vectors another embedder
 * made, a batch per short transaction, recording progress on the index.
 * Stops early when the embedder changed again (a newer job carries on).
 * Idempotent: a rerun only finds the rows still left.
 */
export const reembedIndexJob = defineJob({
  queue: 'ai.reembed_index',
  payload: z.object({ index: z.string().min(1), embedder: z.string().min(1) }),
  batchSize: 1,
  expireInSeconds: 6 * 3600,
  async handle({ index, embedder: target }) {
    const spec = vectorIndexRegistry.get(index)
    if (!spec) return { skipped: 'index not registered' }
    let reembedded = 0
    let dimension = 0

    while (true) {
      const embedder = await currentEmbedder(localInferenceProvider)
      if (embedder.id !== target) return { reembedded, stopped: 'embedder changed' }

      const rows: { id: unknown; text: string }[] = await db
        .from(spec.table)
        .select({ id: spec.idColumn, text: spec.textColumn })
        .whereRaw('?? is distinct from ?', [spec.embedderColumn, target])
        .orderBy(spec.idColumn)
        .limit(BATCH_SIZE)
      if (rows.length === 0) break

      const vectors = await embedder.embed(rows.map((row) => row.text ?? ''))
      dimension = vectors[0].length
      await db.transaction(async (trx) => {
        for (const [i, row] of rows.entries()) {
          await trx
            .from(spec.table)
            .where(spec.idColumn, row.id as string)
            .update({ [spec.vectorColumn]: db.raw('?::vector', [toVectorLiteral(vectors[i])]), [spec.embedderColumn]: target })
        }
        await trx
          .from('ai_vector_indexes')
          .where({ name: index, embedder: target })
          .update({ rows_done: db.raw('least(rows_total, rows_done + ?)', [rows.length]), dimension: vectors[0].length, updated_at: clock.now().toJSDate() })
      })
      reembedded += rows.length
    }

    if (dimension > 0) await ensureAnnIndex(spec, target, dimension)
    await db
      .from('ai_vector_indexes')
      .where({ name: index, embedder: target })
      .update({ status: 'ready', rows_done: db.raw('rows_total'), reembed_finished_at: clock.now().toJSDate(), updated_at: clock.now().toJSDate() })
    return { reembedded }
  },
})
