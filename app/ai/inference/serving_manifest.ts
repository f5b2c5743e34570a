import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { z } from 'zod'

/** What a model file is, decided from its content when it is added. */
export const MODEL_KINDS = ['gguf-llm', 'gguf-embedding', 'onnx-token-classification', 'onnx-feature-extraction'] as const
export type ModelKind = (typeof MODEL_KINDS)[number]

/** What a model is used for; each task is served by at most one model. */
export const MODEL_TASKS = ['chat', 'coding-review', 'phi-ner', 'clinical-ner', 'embeddings'] as const
export type ModelTask = (typeof MODEL_TASKS)[number]

/**
 * The models the inference service should load: every registered model that
 * is assigned to a task and whose files verified. The registry writes it to
 * `<MODELS_PATH>/manifest.json` after every change; `node ace ai:serve` reads
 * it at start and on reload. The service needs no database, so it runs the
 * same beside PostgreSQL, in Docker and as a child of the embedded appliance.
 */
export const servingManifestSchema = z.object({
  models: z.array(
    z.object({
      /** Unique name, used as the OpenAI `model` id. */
      name: z.string().min(1),
      kind: z.enum(MODEL_KINDS),
      tasks: z.array(z.enum(MODEL_TASKS)),
      /** A `.gguf` file, or an ONNX model folder; relative to the manifest's folder unless absolute. */
      path: z.string().min(1),
      /** Short content hash (first 12 hex digits of the sha256), reported as the model version. */
      version: z.string().min(1),
      status: z.enum(['ready', 'broken']).default('ready'),
    })
  ),
})

export type ServingManifest = z.infer<typeof servingManifestSchema>
export type ServedModel = ServingManifest['models'][number]

/** Reads a manifest; a missing file is an empty manifest. Paths come back absolute. */
export async function readServingManifest(manifestPath: string): Promise<ServingManifest> {
  let text: string
  try {
    text = await readFile(manifestPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { models: [] }
    throw error
  }
  const manifest = servingManifestSchema.parse(JSON.parse(text))
  const folder = join(manifestPath, '..')
  return {
    models: manifest.models.map((model) => ({ ...model, path: isAbsolute(model.path) ? model.path : join(folder, model.path) })),
  }
}
