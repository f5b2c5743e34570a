import type { ChatChunk, ChatCompletion, ChatRequest, TokenSpan } from '#ai/inference/inference_client'

/**
 * One place models run. Today only the local inference service; the key
 * pool adds OpenAI-compatible providers behind the same interface.
 */
export interface AiProvider {
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatCompletion>
  chatStream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<ChatChunk>
  embeddings(model: string, input: string[], signal?: AbortSignal): Promise<number[][]>
  tokenClassification(model: string, text: string, signal?: AbortSignal): Promise<TokenSpan[]>
}
