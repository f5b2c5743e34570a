import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { AppError } from '#kernel/index'
import AiModel from '#ai/models/ai_model'
import { applyRegistryChange } from '#ai/registry/apply_registry_change'

/**
 * Forgets a model and its task assignments (those tasks fall back to the
 * built-in engines). Its files stay in MODELS_PATH for the admin to delete.
 */
export async function removeModel(modelId: number, by: AuditContext): Promise<void> {
  await applyRegistryChange(() =>
    db.transaction(async (trx) => {
      const model = await AiModel.query({ client: trx }).where('id', modelId).forUpdate().first()
      if (!model) throw AppError.notFound('AI_MODEL_NOT_FOUND', 'No such model.')
      const tasks = await trx.from('ai_task_assignments').where('model_id', model.id).select('task')
      await model.useTransaction(trx).delete()
      await recordAuditEvent(
        {
          ...by,
          action: 'ai.model.removed',
          outcome: 'success',
          resourceType: 'ai_model',
          resourceId: model.id,
          metadata: { name: model.name, path: model.path, tasks: tasks.map((row) => row.task) },
        },
        { trx }
      )
    })
  )
}
