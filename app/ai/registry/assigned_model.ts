import type { ModelTask } from '#ai/inference/serving_manifest'
import AiModel from '#ai/models/ai_model'

/** The model assigned to a task, or null when none is (or its files are broken). */
export async function assignedModel(task: ModelTask): Promise<AiModel | null> {
  const model = await AiModel.query()
    .whereIn('id', (query) => query.from('ai_task_assignments').select('model_id').where('task', task))
    .first()
  return model && model.status === 'ready' ? model : null
}
