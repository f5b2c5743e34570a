import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#kernel/index'
import type { ModelTask } from '#ai/inference/serving_manifest'

/** Makes `modelId` the one model serving `task`, replacing any other. */
export async function assignTaskRow(trx: TransactionClientContract, task: ModelTask, modelId: number) {
  await trx
    .knexQuery()
    .from('ai_task_assignments')
    .insert({ task, model_id: modelId, assigned_at: clock.now().toJSDate() })
    .onConflict('task')
    .merge()
}
