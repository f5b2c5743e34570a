/*
| The ai module's public surface. Other modules call `ai` for generation,
| JSON output, embeddings and NER; every result names its engine.
*/
import { AiService } from '#ai/services/ai_service'
import { localInferenceProvider } from '#ai/services/local_inference'

/** The process-wide AI service (today: local models through the inference service). */
export const ai = new AiService(localInferenceProvider)

export { AiService, type CompletionInput, type CompletionResult, type StreamEvent, type GenerationTask, type NerTask } from '#ai/services/ai_service'
export type { Engine } from '#ai/services/engine'
export type { ChatMessage, TokenSpan } from '#ai/inference/inference_client'
export { MODEL_KINDS, MODEL_TASKS, type ModelKind, type ModelTask } from '#ai/inference/serving_manifest'
export { HASHING_EMBEDDER_ID, HASHING_DIMENSION, hashingEmbed } from '#ai/embedders/hashing_embedder'
export { vectorIndexRegistry, toVectorLiteral, type VectorIndexSpec } from '#ai/vectors/vector_index_registry'
export { ensureAnnIndex, annDistanceSql, applyAnnSearchSettings } from '#ai/vectors/ann_index'
export { verifyModelsJob } from '#ai/jobs/verify_models_job'
export { reembedIndexJob } from '#ai/vectors/reembed_index_job'
