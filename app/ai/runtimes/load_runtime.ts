import { basename } from 'node:path'
import type { ServedModel } from '#ai/inference/serving_manifest'
import type { LlamaChatModel, LlamaRuntime } from '#ai/runtimes/llama_runtime'
import type { OnnxTokenClassifier } from '#ai/runtimes/onnx_token_classifier'
import { checkGgufFile } from '#ai/registry/gguf_file_check'

/** What an embedding model of any kind can do for `POST /v1/embeddings`. */
export interface EmbeddingRuntime {
  /** Vector length, when known before the first call. */
  readonly dimension?: number
  embed(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; promptTokens: number }>
  dispose(): Promise<void>
}

/** A model ready to serve, by what it can do. */
export type LoadedRuntime =
  | { kind: 'gguf-llm'; chat: LlamaChatModel; dispose(): Promise<void> }
  | { kind: 'gguf-embedding' | 'onnx-feature-extraction'; embeddings: EmbeddingRuntime; dispose(): Promise<void> }
  | { kind: 'onnx-token-classification'; tokenClassifier: OnnxTokenClassifier; dispose(): Promise<void> }

export interface RuntimeLoadOptions {
  /** Threads each ONNX session may use (GGUF models share the Llama's budget). */
  maxThreads: number
  /** Parallel sequences per language model context (the service's concurrency). */
  sequences: number
  /** Upper bound for GGUF context sizes (default 4096; never more than the model's training context). */
  contextSize?: number
  /** The service's one node-llama-cpp instance, created on first use. */
  llama: () => Promise<LlamaRuntime>
}

/**
 * Loads one manifest model into the runtime for its kind: GGUF files through
 * node-llama-cpp, ONNX folders through transformers.js (imported only when
 * such a model is served). A GGUF file that is not one, or is truncated, is
 * refused with the registry's check before native code reads it.
 */
export async function loadRuntime(model: ServedModel, options: RuntimeLoadOptions): Promise<LoadedRuntime> {
  switch (model.kind) {
    case 'gguf-llm': {
      await checkGgufFile(model.path, basename(model.path))
      const llama = await options.llama()
      const chat = await llama.loadChatModel(model.path, { sequences: options.sequences, contextSize: options.contextSize })
      return { kind: model.kind, chat, dispose: () => chat.dispose() }
    }
    case 'gguf-embedding': {
      await checkGgufFile(model.path, basename(model.path))
      const llama = await options.llama()
      const embeddings = await llama.loadEmbeddingModel(model.path, { contextSize: options.contextSize })
      return { kind: model.kind, embeddings, dispose: () => embeddings.dispose() }
    }
    case 'onnx-feature-extraction': {
      const { OnnxFeatureExtractor } = await import('#ai/runtimes/onnx_feature_extractor')
      const extractor = await OnnxFeatureExtractor.load(model.path, { maxThreads: options.maxThreads })
      const embeddings: EmbeddingRuntime = {
        dimension: extractor.dimension,
        embed: async (texts, signal) => {
          signal?.throwIfAborted()
          /* The extractor does not report token counts. */
          return { vectors: await extractor.embed(texts), promptTokens: 0 }
        },
        dispose: () => extractor.dispose(),
      }
      return { kind: model.kind, embeddings, dispose: () => extractor.dispose() }
    }
    case 'onnx-token-classification': {
      const { OnnxTokenClassifier } = await import('#ai/runtimes/onnx_token_classifier')
      const tokenClassifier = await OnnxTokenClassifier.load(model.path, { maxThreads: options.maxThreads })
      return { kind: model.kind, tokenClassifier, dispose: () => tokenClassifier.dispose() }
    }
  }
}
