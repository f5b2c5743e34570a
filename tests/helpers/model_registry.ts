import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import storageConfig from '#config/storage'
import { tinyLlamaPath } from '#tests/helpers/ai_models'

/** The test run's models folder (MODELS_PATH, a temporary folder). */
export function modelsFolder(...parts: string[]): string {
  return join(storageConfig.modelsPath, ...parts)
}

/** Copies the tiny llama GGUF into the models folder as `name`; returns its path relative to the folder. */
export async function installTinyLlama(name = 'tiny-llama.gguf'): Promise<string> {
  await mkdir(dirname(modelsFolder(name)), { recursive: true })
  await copyFile(tinyLlamaPath(), modelsFolder(name))
  return name
}

export async function writeModelsFile(name: string, content: string | Buffer) {
  await mkdir(dirname(modelsFolder(name)), { recursive: true })
  await writeFile(modelsFolder(name), content)
}

/** Forgets every registered model and empties the models folder. */
export async function resetModelRegistry() {
  await db.from('ai_task_assignments').delete()
  await db.from('ai_models').delete()
  await db.from('ai_vector_indexes').delete()
  await rm(storageConfig.modelsPath, { recursive: true, force: true })
  await mkdir(storageConfig.modelsPath, { recursive: true })
}
