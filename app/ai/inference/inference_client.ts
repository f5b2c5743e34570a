import { AppError } from '#kernel/index'
import type { InferenceEndpoint } from '#ai/inference/inference_endpoint'
import type { AiProvider } from '#ai/providers/ai_provider'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  max_tokens?: number
  temperature?: number
  seed?: number
  response_format?: { type: 'json_schema'; json_schema: { name: string; schema: object } }
}

export interface ChatCompletion {
  model: string
  choices: { message: { content: string }; finish_reason: 'stop' | 'length' }[]
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
}

export interface ChatChunk {
  choices: { delta: { content?: string }; finish_reason: 'stop' | 'length' | null }[]
  usage?: ChatCompletion['usage']
}

export interface TokenSpan {
  start: number
  end: number
  label: string
  score: number
}

/**
 * Talks to the inference service's OpenAI-compatible API. Service errors
 * come back as AppErrors with the service's code and status; a service that
 * cannot be reached is AI_INFERENCE_UNAVAILABLE (503).
 */
export class InferenceClient implements AiProvider {
  constructor(private endpoint: InferenceEndpoint) {}

  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatCompletion> {
    const response = await this.#post('/v1/chat/completions', { ...request, stream: false }, signal)
    return (await response.json()) as ChatCompletion
  }

  /** Yields the service's chunks as they arrive; aborting the signal cancels the generation. */
  async *chatStream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<ChatChunk> {
    const response = await this.#post('/v1/chat/completions', { ...request, stream: true }, signal)
    const decoder = new TextDecoder()
    let buffered = ''
    for await (const bytes of response.body!) {
      buffered += decoder.decode(bytes, { stream: true })
      let boundary: number
      while ((boundary = buffered.indexOf('\n\n')) !== -1) {
        const event = buffered.slice(0, boundary)
        buffered = buffered.slice(boundary + 2)
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n')
        if (!data) continue
        if (data === '[DONE]') return
        const parsed = JSON.parse(data)
        if (parsed.error) throw new AppError(parsed.error.code ?? 'AI_INFERENCE_FAILED', parsed.error.message ?? 'Generation failed.', 502)
        yield parsed as ChatChunk
      }
    }
  }

  async embeddings(model: string, input: string[], signal?: AbortSignal): Promise<number[][]> {
    const response = await this.#post('/v1/embeddings', { model, input }, signal)
    const body = (await response.json()) as { data: { index: number; embedding: number[] }[] }
    return body.data.sort((a, b) => a.index - b.index).map((item) => item.embedding)
  }

  async tokenClassification(model: string, text: string, signal?: AbortSignal): Promise<TokenSpan[]> {
    const response = await this.#post('/v1/token-classification', { model, text }, signal)
    return ((await response.json()) as { spans: TokenSpan[] }).spans
  }

  /**
   * POSTs JSON; a model the service does not know yet (the manifest changed
   * since it started) gets one reload and one retry.
   */
  async #post(path: string, body: object, signal?: AbortSignal, retried = false): Promise<Response> {
    const baseUrl = await this.endpoint.baseUrl()
    let response: Response
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${this.endpoint.secret}` },
        body: JSON.stringify(body),
        signal,
      })
    } catch (error) {
      if (signal?.aborted) throw error
      this.endpoint.reportUnreachable()
      throw AppError.unavailable('AI_INFERENCE_UNAVAILABLE', 'The inference service did not answer; it is being restarted. Try again shortly.')
    }
    if (response.ok) return response

    const failure = await readError(response)
    if (failure.code === 'AI_MODEL_NOT_FOUND' && !retried) {
      await this.endpoint.reload()
      return this.#post(path, body, signal, true)
    }
    throw new AppError(failure.code, failure.message, response.status, failure.details)
  }
}

async function readError(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null
  return {
    code: body?.error?.code ?? 'AI_INFERENCE_FAILED',
    message: body?.error?.message ?? `The inference service answered ${response.status}.`,
    details: body?.error?.details,
  }
}
