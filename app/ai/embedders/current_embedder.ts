import type { AiProvider } from '#ai/providers/ai_provider'
import { assignedModel } from '#ai/registry/assigned_model'
import { HASHING_DIMENSION, HASHING_EMBEDDER_ID, HASHING_EMBEDDER_VERSION, hashingEmbed } from '#ai/embedders/hashing_embedder'
import { modelEngine, type Engine } from '#ai/services/engine'

/** What makes vectors now: the model assigned to `embeddings`, else the hashing embedder. */
export interface Embedder {
  /** Stored beside every vector it makes: `hashing-v1-384` or `model:<name>@<version>`. */
  id: string
  engine: Engine
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>
}

export const hashingEmbedder: Embedder = {
  id: HASHING_EMBEDDER_ID,
  engine: { type: 'hashing', name: 'hashing', version: `${HASHING_EMBEDDER_VERSION}-${HASHING_DIMENSION}` },
  embed: async (texts) => texts.map((text) => hashingEmbed(text)),
}

export async function currentEmbedder(provider: () => AiProvider): Promise<Embedder> {
  const model = await assignedModel('embeddings')
  if (!model) return hashingEmbedder
  return {
    id: `model:${model.name}@${model.version}`,
    engine: modelEngine(model),
    embed: (texts, signal) => provider().embeddings(model.name, texts, signal),
  }
}
