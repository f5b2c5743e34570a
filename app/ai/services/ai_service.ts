import { Ajv, type ValidateFunction } from 'ajv'
import { AppError } from '#kernel/index'
import type { ModelTask } from '#ai/inference/serving_manifest'
import type { ChatCompletion, ChatMessage, TokenSpan } from '#ai/inference/inference_client'
import type { AiProvider } from '#ai/providers/ai_provider'
import { assignedModel } from '#ai/registry/assigned_model'
import { currentEmbedder } from '#ai/embedders/current_embedder'
import { FALLBACK_FOR_TASK } from '#ai/registry/model_tasks'
import { modelEngine, type Engine } from '#ai/services/engine'
import type AiModel from '#ai/models/ai_model'

export type GenerationTask = Extract<ModelTask, 'chat' | 'coding-review'>
export type NerTask = Extract<ModelTask, 'phi-ner' | 'clinical-ner'>

export interface CompletionInput {
  task: GenerationTask
  messages: ChatMessage[]
  maxTokens?: number
  temperature?: number
  seed?: number
  signal?: AbortSignal
}

export interface CompletionResult {
  text: string
  finishReason: 'stop' | 'length'
  usage: ChatCompletion['usage']
  engine: Engine
}

export type StreamEvent = { type: 'delta'; text: string } | ({ type: 'done' } & Omit<CompletionResult, 'text'>)

/**
 * What other modules call for AI. Generation and NER need a model assigned
 * to the task (else AI_NO_MODEL, so callers fall back to rules or retrieval
 * and say so); embeddings fall back to the hashing embedder. Every result
 * names the engine that produced it.
 */
export class AiService {
  readonly #ajv = new Ajv({ strict: false })
  readonly #validators = new WeakMap<object, ValidateFunction>()

  constructor(private provider: () => AiProvider) {}

  async complete(input: CompletionInput): Promise<CompletionResult> {
    const model = await this.#requireModel(input.task)
    const completion = await this.provider().chat(this.#chatRequest(model, input), input.signal)
    const choice = completion.choices[0]
    return { text: choice.message.content, finishReason: choice.finish_reason, usage: completion.usage, engine: modelEngine(model) }
  }

  /** Text as it is generated, then one `done` event. Abort the signal to stop generating. */
  async *stream(input: CompletionInput): AsyncGenerator<StreamEvent> {
    const model = await this.#requireModel(input.task)
    let finishReason: 'stop' | 'length' = 'stop'
    let usage: ChatCompletion['usage'] = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }
    for await (const chunk of this.provider().chatStream(this.#chatRequest(model, input), input.signal)) {
      const choice = chunk.choices[0]
      if (choice?.delta.content) yield { type: 'delta', text: choice.delta.content }
      if (choice?.finish_reason) finishReason = choice.finish_reason
      if (chunk.usage) usage = chunk.usage
    }
    yield { type: 'done', finishReason, usage, engine: modelEngine(model) }
  }

  /**
   * Output constrained by a JSON Schema. The runtime's grammar enforces the
   * structure, types, enums and string lengths, not numeric bounds or
   * patterns, so the answer is checked against the whole schema here: a
   * mismatch is AI_INVALID_OUTPUT (502), naming the failing paths.
   */
  async completeJson<T>(input: CompletionInput & { schema: object; schemaName?: string }): Promise<{ value: T; engine: Engine; usage: ChatCompletion['usage'] }> {
    const validate = this.#validator(input.schema)
    const model = await this.#requireModel(input.task)
    const request = {
      ...this.#chatRequest(model, input),
      response_format: { type: 'json_schema' as const, json_schema: { name: input.schemaName ?? 'output', schema: input.schema } },
    }
    const completion = await this.provider().chat(request, input.signal)
    const content = completion.choices[0].message.content
    let value: unknown
    try {
      value = JSON.parse(content)
    } catch {
      throw new AppError('AI_INVALID_OUTPUT', 'The model did not finish its JSON answer (raise maxTokens).', 502, { finishReason: completion.choices[0].finish_reason })
    }
    if (!validate(value)) {
      const mismatches = (validate.errors ?? []).map((error) => ({ path: error.instancePath, keyword: error.keyword }))
      throw new AppError('AI_INVALID_OUTPUT', 'The model answer does not match the schema.', 502, { mismatches })
    }
    return { value: value as T, engine: modelEngine(model), usage: completion.usage }
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; embedderId: string; engine: Engine }> {
    const embedder = await currentEmbedder(this.provider)
    return { vectors: await embedder.embed(texts, signal), embedderId: embedder.id, engine: embedder.engine }
  }

  /** NER spans with exact character offsets into `text` (chunked with overlap in the runtime). */
  async classifyTokens(text: string, task: NerTask, signal?: AbortSignal): Promise<{ spans: TokenSpan[]; engine: Engine }> {
    const model = await this.#requireModel(task)
    return { spans: await this.provider().tokenClassification(model.name, text, signal), engine: modelEngine(model) }
  }

  /** The engine a task uses now: its model, or the built-in fallback. */
  async engineFor(task: ModelTask): Promise<Engine> {
    if (task === 'embeddings') return (await currentEmbedder(this.provider)).engine
    const model = await assignedModel(task)
    return model ? modelEngine(model) : { type: FALLBACK_FOR_TASK[task], name: FALLBACK_FOR_TASK[task], version: 'built-in' }
  }

  async #requireModel(task: ModelTask): Promise<AiModel> {
    const model = await assignedModel(task)
    if (!model) {
      throw AppError.unavailable('AI_NO_MODEL', `No working model is assigned to the ${task} task; an admin can install one on the Models page.`, { task })
    }
    return model
  }

  #chatRequest(model: AiModel, input: CompletionInput) {
    return { model: model.name, messages: input.messages, max_tokens: input.maxTokens, temperature: input.temperature, seed: input.seed }
  }

  #validator(schema: object): ValidateFunction {
    let validate = this.#validators.get(schema)
    if (!validate) {
      try {
        validate = this.#ajv.compile(schema)
      } catch (error) {
        throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', `The schema is not a valid JSON Schema: ${(error as Error).message}`)
      }
      this.#validators.set(schema, validate)
    }
    return validate
  }
}
