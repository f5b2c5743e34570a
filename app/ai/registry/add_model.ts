import db from '@adonisjs/lucid/services/db'
import storageConfig from '#config/storage'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import type { ModelTask } from '#ai/inference/serving_manifest'
import AiModel from '#ai/models/ai_model'
import { inspectModelPath, readLicenceText, resolveInsideModels } from '#ai/registry/inspect_model_path'
import { assertKindServesTask } from '#ai/registry/model_tasks'
import { applyRegistryChange } from '#ai/registry/apply_registry_change'
import { assignTaskRow } from '#ai/registry/assign_task_row'

export interface AddModelInput {
  /** A .gguf file or ONNX model folder inside MODELS_PATH (relative to it or to the current folder). */
  path: string
  name?: string
  task?: ModelTask
  /** A licence text file inside MODELS_PATH, when the model does not carry one. */
  licencePath?: string
}

export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** Checks, hashes and records a model an admin copied into MODELS_PATH, optionally assigning it a task. */
export async function addModel(input: AddModelInput, by: AuditContext): Promise<AiModel> {
  const inspected = await inspectModelPath(storageConfig.modelsPath, input.path)
  const name = input.name ?? inspected.suggestedName
  if (!MODEL_NAME.test(name)) {
    throw AppError.unprocessable('AI_INVALID_MODEL_NAME', 'Model names use letters, digits, ".", "_" and "-" (up to 100 characters).')
  }
  if (input.task) assertKindServesTask(inspected.kind, input.task)
  const licence = input.licencePath
    ? await readLicenceText(await resolveInsideModels(storageConfig.modelsPath, input.licencePath))
    : inspected.licence

  return applyRegistryChange(() =>
    db.transaction(async (trx) => {
      if (await AiModel.query({ client: trx }).where('path', inspected.relativePath).first()) {
        throw AppError.conflict('AI_MODEL_EXISTS', `${inspected.relativePath} is already registered.`)
      }
      if (await AiModel.query({ client: trx }).where('name', name).first()) {
        throw AppError.conflict('AI_MODEL_NAME_TAKEN', `A model named ${name} is already registered.`)
      }
      const model = await AiModel.create(
        {
          name,
          kind: inspected.kind,
          path: inspected.relativePath,
          files: inspected.files,
          sizeBytes: inspected.sizeBytes,
          sha256: inspected.sha256,
          licence,
          status: 'ready',
          statusReason: null,
          verifiedAt: clock.now(),
        },
        { client: trx }
      )
      if (input.task) await assignTaskRow(trx, input.task, model.id)
      await recordAuditEvent(
        {
          ...by,
          action: 'ai.model.added',
          outcome: 'success',
          resourceType: 'ai_model',
          resourceId: model.id,
          metadata: { name, kind: model.kind, path: model.path, sha256: model.sha256, sizeBytes: model.sizeBytes, task: input.task ?? null },
        },
        { trx }
      )
      return model
    })
  )
}
