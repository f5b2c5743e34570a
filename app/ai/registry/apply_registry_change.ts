import logger from '@adonisjs/core/services/logger'
import { currentEmbedder } from '#ai/embedders/current_embedder'
import { inferenceEndpoint, localInferenceProvider } from '#ai/services/local_inference'
import { startReembedding } from '#ai/vectors/start_reembedding'
import { writeServingManifest } from '#ai/registry/write_serving_manifest'

/**
 * Runs a change to the registry, then brings everything in line with it:
 * the manifest the inference service reads, the service itself (reload),
 * and vector indexes when the embedder changed.
 */
export async function applyRegistryChange<T>(change: () => Promise<T>): Promise<T> {
  const embedderBefore = (await currentEmbedder(localInferenceProvider)).id
  const result = await change()

  await writeServingManifest()
  await inferenceEndpoint()
    .reload()
    .catch((error) => logger.warn({ err: (error as Error).message }, 'the inference service did not reload; it reads the manifest when it next starts'))

  const embedderAfter = await currentEmbedder(localInferenceProvider)
  if (embedderAfter.id !== embedderBefore) await startReembedding(embedderAfter)
  return result
}
