import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import storageConfig from '#config/storage'
import { recordAuditEvent, type AuditContext } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import AiModel, { type ModelStatus } from '#ai/models/ai_model'
import { sha256OfFile } from '#ai/registry/hash_model_files'
import { applyRegistryChange } from '#ai/registry/apply_registry_change'
import { writeServingManifest } from '#ai/registry/write_serving_manifest'

export interface ModelVerification {
  id: number
  name: string
  status: ModelStatus
  reason: string | null
  changed: boolean
}

/**
 * Re-hashes every file of the given models (all when no id): a missing,
 * resized or changed file marks the model broken, and a model whose files
 * match again becomes ready. Status changes are audited and reach the
 * inference service through the manifest, which is rewritten either way.
 */
export async function verifyModels(by: AuditContext, options: { modelId?: number } = {}): Promise<ModelVerification[]> {
  const query = AiModel.query().orderBy('name')
  if (options.modelId !== undefined) query.where('id', options.modelId)
  const models = await query
  if (options.modelId !== undefined && models.length === 0) throw AppError.notFound('AI_MODEL_NOT_FOUND', 'No such model.')

  const results: ModelVerification[] = []
  for (const model of models) {
    const reason = await firstMismatch(model)
    const status: ModelStatus = reason ? 'broken' : 'ready'
    results.push({ id: model.id, name: model.name, status, reason, changed: status !== model.status })
  }

  const changed = results.filter((result) => result.changed)
  const record = async () => {
    await db.transaction(async (trx) => {
      for (const result of results) {
        await trx.from('ai_models').where('id', result.id).update({ status: result.status, status_reason: result.reason, verified_at: clock.now().toJSDate() })
      }
      for (const result of changed) {
        await recordAuditEvent(
          {
            ...by,
            action: result.status === 'broken' ? 'ai.model.broken' : 'ai.model.repaired',
            outcome: result.status === 'broken' ? 'failure' : 'success',
            resourceType: 'ai_model',
            resourceId: result.id,
            metadata: { name: result.name, reason: result.reason },
          },
          { trx }
        )
      }
    })
  }
  if (changed.length > 0) await applyRegistryChange(record)
  else await record().then(() => writeServingManifest())
  return results
}

/** Why a model's files no longer match what was recorded, or null. */
async function firstMismatch(model: AiModel): Promise<string | null> {
  for (const file of model.files) {
    const path = join(storageConfig.modelsPath, file.path)
    const size = await stat(path).then((s) => s.size, () => null)
    if (size === null) return `${file.path} is missing`
    if (size !== file.size) return `${file.path} changed size (${size} bytes, expected ${file.size})`
    if ((await sha256OfFile(path)) !== file.sha256) return `${file.path} changed (its sha256 differs)`
  }
  return null
}
