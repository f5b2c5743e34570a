import { Ajv } from 'ajv'
import {
  getLlama,
  LlamaChat,
  LlamaLogLevel,
  TokenBias,
  resolveChatWrapper,
  type ChatHistoryItem,
  type ChatWrapper,
  type GbnfJsonSchema,
  type Llama,
  type LlamaContext,
  type LlamaEmbeddingContext,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp'
import { AppError } from '#kernel/index'

/** Contexts never get more than this many tokens, whatever the model was trained on. */
export const DEFAULT_CONTEXT_SIZE = 4096

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** A compiled output constraint (JSON object or a JSON schema) for {@link LlamaChatModel.generate}. */
export interface OutputGrammar {
  readonly grammar: LlamaGrammar
}

export interface ChatGenerationOptions {
  maxTokens: number
  temperature?: number
  topP?: number
  seed?: number
  grammar?: OutputGrammar
  /** Aborting stops the generation; what was generated so far comes back with finishReason 'abort'. */
  signal?: AbortSignal
  /** Receives the response text as it is generated. */
  onTextChunk?: (text: string) => void
}

export interface ChatGenerationResult {
  text: string
  finishReason: 'stop' | 'length' | 'abort'
  completionTokens: number
}

export interface EmbeddingResult {
  vectors: number[][]
  promptTokens: number
}

/**
 * node-llama-cpp inside the inference service: one `Llama` (CPU only, a fixed
 * thread budget, never builds from source) shared by every GGUF model the
 * service loads. Dispose it after the models it loaded.
 */
export class LlamaRuntime {
  readonly #llama: Llama

  private constructor(llama: Llama) {
    this.#llama = llama
  }

  static async create(options: { maxThreads: number }): Promise<LlamaRuntime> {
    const llama = await getLlama({ gpu: false, maxThreads: options.maxThreads, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false, skipDownload: true })
    return new LlamaRuntime(llama)
  }

  /**
   * Loads a GGUF language model with one context of `sequences` parallel
   * sequences; the context size is `contextSize` (default 4096) but never more
   * than the model was trained on.
   */
  async loadChatModel(modelPath: string, options: { sequences: number; contextSize?: number }): Promise<LlamaChatModel> {
    const model = await this.#loadModel(modelPath)
    try {
      const contextSize = Math.min(options.contextSize ?? DEFAULT_CONTEXT_SIZE, model.trainContextSize)
      const context = await model.createContext({ contextSize, sequences: options.sequences })
      return new LlamaChatModel(this.#llama, model, context)
    } catch (error) {
      await model.dispose()
      throw error
    }
  }

  /** Loads a GGUF embedding model with one embedding context. */
  async loadEmbeddingModel(modelPath: string, options: { contextSize?: number } = {}): Promise<LlamaEmbeddingModel> {
    const model = await this.#loadModel(modelPath)
    try {
      const contextSize = Math.min(options.contextSize ?? DEFAULT_CONTEXT_SIZE, model.trainContextSize)
      const context = await model.createEmbeddingContext({ contextSize })
      return new LlamaEmbeddingModel(model, context, contextSize)
    } catch (error) {
      await model.dispose()
      throw error
    }
  }

  async dispose(): Promise<void> {
    await this.#llama.dispose()
  }

  async #loadModel(modelPath: string): Promise<LlamaModel> {
    try {
      return await this.#llama.loadModel({ modelPath })
    } catch (error) {
      throw new Error(`llama.cpp could not load the GGUF file: it is truncated, corrupted or of an unsupported architecture (${(error as Error).message}).`)
    }
  }
}

/** Checks request schemas against the JSON Schema meta-schema (draft-07); unknown keywords are tolerated. */
const schemaValidator = new Ajv({ strict: false, allErrors: true, validateFormats: false })

/**
 * A loaded GGUF language model. Each generation takes one of the context's
 * sequences and frees it when done, so at most `sequences` run at once
 * (the caller's queue keeps it there).
 */
export class LlamaChatModel {
  readonly #llama: Llama
  readonly #model: LlamaModel
  readonly #context: LlamaContext
  readonly #chatWrapper: ChatWrapper
  #jsonObjectGrammar?: Promise<OutputGrammar>
  #jsonTokenBias?: TokenBias

  constructor(llama: Llama, model: LlamaModel, context: LlamaContext) {
    this.#llama = llama
    this.#model = model
    this.#context = context
    this.#chatWrapper = resolveChatWrapper(model)
  }

  /** Tokens per sequence. */
  get contextSize(): number {
    return this.#context.contextSize
  }

  /** The prompt as the model sees it (chat template included), in tokens. */
  countPromptTokens(messages: ChatMessage[]): number {
    const { contextText } = this.#chatWrapper.generateContextState({ chatHistory: toChatHistory(messages) })
    return contextText.tokenize(this.#model.tokenizer).length
  }

  /** A grammar that only lets the model write one JSON value. */
  jsonObjectGrammar(): Promise<OutputGrammar> {
    this.#jsonObjectGrammar ??= this.#llama.getGrammarFor('json').then((grammar) => ({ grammar }))
    return this.#jsonObjectGrammar
  }

  /**
   * Compiles a JSON Schema into a grammar. Something that is not a JSON
   * Schema, or that node-llama-cpp cannot turn into a grammar, is refused
   * with `AI_INVALID_JSON_SCHEMA` (400).
   */
  async jsonSchemaGrammar(schema: unknown): Promise<OutputGrammar> {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', 'The JSON schema must be an object.')
    }
    /* `$schema` names a meta-schema Ajv may not have loaded; the keywords are what matter. */
    const { $schema: _ignored, ...keywords } = schema as Record<string, unknown>
    if (!schemaValidator.validateSchema(keywords)) {
      throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', 'The JSON schema is not a valid JSON Schema.', {
        issues: (schemaValidator.errors ?? []).map((error) => ({ path: error.instancePath, message: error.message })),
      })
    }
    try {
      schemaValidator.compile(keywords)
    } catch (error) {
      throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', 'The JSON schema is not a valid JSON Schema.', {
        issues: [{ path: '', message: (error as Error).message }],
      })
    }
    /* node-llama-cpp would silently turn any other reference into "any JSON". */
    const foreignRef = findRefs(keywords).find((ref) => !ref.startsWith('#/$defs/'))
    if (foreignRef !== undefined) {
      throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', 'The JSON schema uses constructs the grammar engine cannot enforce.', {
        issues: [{ path: '', message: `Only references to "#/$defs/..." are supported (found "${foreignRef}").` }],
      })
    }
    try {
      const grammar = await this.#llama.createGrammarForJsonSchema(keywords as Readonly<GbnfJsonSchema> as never)
      return { grammar }
    } catch (error) {
      throw AppError.badRequest('AI_INVALID_JSON_SCHEMA', 'The JSON schema uses constructs the grammar engine cannot enforce.', {
        issues: [{ path: '', message: (error as Error).message }],
      })
    }
  }

  /** Generates the assistant's reply to `messages`. */
  async generate(messages: ChatMessage[], options: ChatGenerationOptions): Promise<ChatGenerationResult> {
    const sequence = this.#context.getSequence()
    const chat = new LlamaChat({ contextSequence: sequence, chatWrapper: this.#chatWrapper })
    let completionTokens = 0
    try {
      const response = await chat.generateResponse(toChatHistory(messages), {
        maxTokens: options.maxTokens,
        temperature: options.temperature,
        topP: options.topP,
        seed: options.seed,
        grammar: options.grammar?.grammar,
        tokenBias: options.grammar ? this.#biasForJson() : undefined,
        signal: options.signal,
        stopOnAbortSignal: true,
        onTextChunk: options.onTextChunk,
        onToken: (tokens) => (completionTokens += tokens.length),
      })
      const stopReason = response.metadata.stopReason
      const finishReason = stopReason === 'abort' || options.signal?.aborted ? 'abort' : stopReason === 'maxTokens' ? 'length' : 'stop'
      return { text: response.response, finishReason, completionTokens }
    } catch (error) {
      /* Aborted before the first token: nothing was generated. */
      if (options.signal?.aborted) return { text: '', finishReason: 'abort', completionTokens }
      throw error
    } finally {
      chat.dispose({ disposeSequence: true })
    }
  }

  async dispose(): Promise<void> {
    await this.#context.dispose()
    await this.#model.dispose()
  }

  /**
   * In JSON output, never pick the byte-fallback tokens for bytes 0x7F-0xFF:
   * alone they are a control character or half a UTF-8 character, which the
   * output could end on. Characters with their own tokens are unaffected.
   */
  #biasForJson(): TokenBias {
    if (!this.#jsonTokenBias) {
      const bias = new TokenBias(this.#model.tokenizer)
      const tokens: readonly string[] = this.#model.fileInfo.metadata.tokenizer?.ggml?.tokens ?? []
      const byteTokens: number[] = []
      tokens.forEach((text, id) => {
        const match = /^<0x([0-9A-Fa-f]{2})>$/.exec(text)
        if (match && Number.parseInt(match[1], 16) >= 0x7f) byteTokens.push(id)
      })
      if (byteTokens.length > 0) bias.set(byteTokens as never, 'never')
      this.#jsonTokenBias = bias
    }
    return this.#jsonTokenBias
  }
}

/** A loaded GGUF embedding model; one input is embedded at a time. */
export class LlamaEmbeddingModel {
  readonly #model: LlamaModel
  readonly #context: LlamaEmbeddingContext
  readonly contextSize: number
  #tail: Promise<unknown> = Promise.resolve()

  constructor(model: LlamaModel, context: LlamaEmbeddingContext, contextSize: number) {
    this.#model = model
    this.#context = context
    this.contextSize = contextSize
  }

  /** Refuses (400 `AI_CONTEXT_LENGTH_EXCEEDED`) when an input is longer than the context. */
  async embed(texts: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
    const tokenized = texts.map((text) => this.#model.tokenize(text))
    tokenized.forEach((tokens, index) => {
      if (tokens.length > this.contextSize) {
        throw AppError.badRequest('AI_CONTEXT_LENGTH_EXCEEDED', 'An input is longer than the model context.', {
          index,
          promptTokens: tokens.length,
          contextSize: this.contextSize,
        })
      }
    })
    const run = this.#tail.then(async () => {
      const vectors: number[][] = []
      for (const tokens of tokenized) {
        signal?.throwIfAborted()
        const embedding = await this.#context.getEmbeddingFor(tokens)
        vectors.push([...embedding.vector])
      }
      return vectors
    })
    this.#tail = run.catch(() => undefined)
    const vectors = await run
    return { vectors, promptTokens: tokenized.reduce((sum, tokens) => sum + tokens.length, 0) }
  }

  async dispose(): Promise<void> {
    await this.#tail
    await this.#context.dispose()
    await this.#model.dispose()
  }
}

/** Every `$ref` value in a schema (walked without recursion: schemas can nest deeply). */
function findRefs(schema: unknown): string[] {
  const refs: string[] = []
  const stack: unknown[] = [schema]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) stack.push(...node)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value)
        else stack.push(value)
      }
    }
  }
  return refs
}

function toChatHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message) => {
    if (message.role === 'system') return { type: 'system', text: message.content }
    if (message.role === 'user') return { type: 'user', text: message.content }
    return { type: 'model', response: [message.content] }
  })
  /* The reply the model writes next. */
  history.push({ type: 'model', response: [] })
  return history
}
