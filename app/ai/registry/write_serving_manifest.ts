import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import storageConfig from '#config/storage'
import { AppError } from '#kernel/index'
import type { ServingManifest } from '#ai/inference/serving_manifest'
import AiModel from '#ai/models/ai_model'

export function servingManifestPath(): string {
  return join(storageConfig.modelsPath, 'manifest.json')
}

/**
 * Writes `<MODELS_PATH>/manifest.json` from the registry: every model with
 * its tasks and status, which the inference service loads. Written to a
 * temporary file first so a reader never sees half a manifest. Every
 * verification writes it again, so it heals after a failed write.
 */
export async function writeServingManifest(): Promise<ServingManifest> {
  const models = await AiModel.query().orderBy('name')
  const assignments: { task: string; model_id: number }[] = await db.from('ai_task_assignments').select('task', 'model_id').orderBy('task')
  const manifest = {
    models: models.map((model) => ({
      name: model.name,
      kind: model.kind,
      tasks: assignments.filter((row) => row.model_id === model.id).map((row) => row.task),
      path: model.path,
      version: model.version,
      status: model.status,
    })),
  } as ServingManifest
  const path = servingManifestPath()
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temporary, JSON.stringify(manifest, null, 2) + '\n')
    await rename(temporary, path)
  } catch (error) {
    throw new AppError(
      'AI_MANIFEST_NOT_WRITABLE',
      'The registry is saved, but models/manifest.json could not be written: make MODELS_PATH writable, then verify the models again.',
      500,
      { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' }
    )
  }
  return manifest
}
