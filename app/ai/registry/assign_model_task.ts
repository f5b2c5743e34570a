import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { AppError } from '#kernel/index'
import type { ModelTask } from '#ai/inference/serving_manifest'
import AiModel from '#ai/models/ai_model'
import { assertKindServesTask } from '#ai/registry/model_tasks'
import { applyRegistryChange } from '#ai/registry/apply_registry_change'
import { assignTaskRow } from '#ai/registry/assign_task_row'

/**
 * Makes a model serve a task (replacing the task's previous model), or with
 * `modelId: null` returns the task to its built-in fallback.
 */
export async function assignModelTask(input: { task: ModelTask; modelId: number | null }, by: AuditContext): Promise<void> {
  await applyRegistryChange(() =>
    db.transaction(async (trx) => {
      const previous = await trx.from('ai_task_assignments').where('task', input.task).select('model_id').first()
      if (input.modelId === null) {
        await trx.from('ai_task_assignments').where('task', input.task).delete()
      } else {
        const model = await AiModel.query({ client: trx }).where('id', input.modelId).first()
        if (!model) throw AppError.notFound('AI_MODEL_NOT_FOUND', 'No such model.')
        assertKindServesTask(model.kind, input.task)
        if (model.status !== 'ready') {
          throw AppError.conflict('AI_MODEL_BROKEN', `${model.name} failed its checksum check (${model.statusReason}); fix its files and verify it first.`)
        }
        await assignTaskRow(trx, input.task, model.id)
      }
      await recordAuditEvent(
        {
          ...by,
          action: 'ai.task.assigned',
          outcome: 'success',
          resourceType: 'ai_task',
          resourceId: input.task,
          metadata: { task: input.task, modelId: input.modelId, previousModelId: previous?.model_id ?? null },
        },
        { trx }
      )
    })
  )
}
