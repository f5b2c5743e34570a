import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '@adonisjs/core/logger'
import type { z } from 'zod'
import { AppError } from '#kernel/index'
import { readServingManifest } from '#ai/inference/serving_manifest'
import { RequestQueue } from '#ai/inference/request_queue'
import { ServedModels, type ModelEntry, type ModelLease } from '#ai/inference/served_models'
import { SseStream } from '#ai/inference/sse'
import {
  chatCompletionRequestSchema,
  embeddingsRequestSchema,
  tokenClassificationRequestSchema,
  DEFAULT_COMPLETION_TOKENS,
  MAX_COMPLETION_TOKENS,
  type ChatCompletionRequest,
} from '#ai/inference/openai_schemas'
import { LlamaRuntime, type OutputGrammar } from '#ai/runtimes/llama_runtime'

/** How long shutdown waits for requests still reading their body before cutting connections. */
const SHUTDOWN_GRACE_MS = 5_000

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

export interface InferenceServerOptions {
  host: string
  /** 0 picks a free port; the one in use comes back on the returned server. */
  port: number
  /** Every route but `GET /health` needs `Authorization: Bearer <secret>`. */
  secret: string
  manifestPath: string
  maxThreads: number
  /** Requests that may wait for a slot; more are refused with 503 `AI_QUEUE_FULL`. */
  queueLimit: number
  /** Requests that run at once (also the sequences of each language model's context). */
  concurrency: number
  requestTimeoutMs: number
  /** Upper bound for language model context sizes (default 4096). */
  contextSize?: number
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
}

export interface InferenceServer {
  port: number
  /** The models being served, as `/health` reports them. */
  models(): ModelEntry[]
  /** Stops accepting, aborts running requests, disposes every model. */
  close(): Promise<void>
}

interface RequestContext {
  id: string
  req: IncomingMessage
  res: ServerResponse
  /** Aborts on timeout, client disconnect or shutdown; the reason says which. */
  signal: AbortSignal
  /** What the request log line carries (never any text). */
  log: Record<string, unknown>
}

type Handler = (context: RequestContext) => Promise<void>

/** Why a request was aborted because its client went away (nothing is sent back). */
class ClientGone extends Error {}

/**
 * The local inference service: an OpenAI-compatible HTTP API over the models
 * of the serving manifest, on plain node:http (the process runs no Adonis
 * router and needs no database). `node ace ai:serve` runs it; tests start it
 * in-process. Prompts, inputs and outputs never appear in logs or errors.
 */
export async function startInferenceServer(options: InferenceServerOptions): Promise<InferenceServer> {
  const { logger } = options
  let llama: Promise<LlamaRuntime> | undefined
  const models = new ServedModels(
    {
      maxThreads: options.maxThreads,
      sequences: options.concurrency,
      contextSize: options.contextSize,
      llama: () => (llama ??= LlamaRuntime.create({ maxThreads: options.maxThreads })),
    },
    logger
  )
  const queue = new RequestQueue({ concurrency: options.concurrency, limit: options.queueLimit })
  const secretDigest = digest(options.secret)
  const active = new Set<AbortController>()
  const handling = new Set<Promise<void>>()
  let closing = false

  const disposeRuntimes = async () => {
    await models.dispose()
    if (llama) await (await llama.catch(() => undefined))?.dispose()
  }

  try {
    await models.sync((await readServingManifest(options.manifestPath)).models)
  } catch (error) {
    await disposeRuntimes()
    throw error
  }

  const routes: Record<string, { method: 'GET' | 'POST'; auth: boolean; handler: Handler }> = {
    '/health': { method: 'GET', auth: false, handler: async ({ res }) => sendJson(res, 200, health()) },
    '/v1/models': { method: 'GET', auth: true, handler: async ({ res }) => sendJson(res, 200, modelList()) },
    '/v1/chat/completions': { method: 'POST', auth: true, handler: (context) => chatCompletions(context) },
    '/v1/embeddings': { method: 'POST', auth: true, handler: (context) => embeddings(context) },
    '/v1/token-classification': { method: 'POST', auth: true, handler: (context) => tokenClassification(context) },
    '/admin/reload': { method: 'POST', auth: true, handler: (context) => reload(context) },
  }

  function describeModels() {
    return models.list().map(({ model, state, error, runtime }) => ({
      name: model.name,
      kind: model.kind,
      tasks: model.tasks,
      version: model.version,
      state,
      ...(error ? { error } : {}),
      ...(runtime ? runtimeFacts(runtime) : {}),
    }))
  }

  function health() {
    return {
      status: 'ok',
      models: describeModels(),
      queue: { running: queue.running, waiting: queue.waiting, limit: queue.limit, concurrency: queue.concurrency },
    }
  }

  function modelList() {
    const created = Math.floor(Date.now() / 1000)
    return {
      object: 'list',
      data: describeModels().map(({ name, ...rest }) => ({ id: name, object: 'model', created, owned_by: 'clinibox', ...rest })),
    }
  }

  async function reload({ res }: RequestContext) {
    let manifest
    try {
      manifest = await readServingManifest(options.manifestPath)
    } catch (error) {
      throw AppError.unprocessable('AI_INVALID_MANIFEST', 'The serving manifest cannot be read; the loaded models are unchanged.', {
        reason: (error as Error).message.slice(0, 300),
      })
    }
    await models.sync(manifest.models)
    sendJson(res, 200, { status: 'ok', models: describeModels() })
  }

  async function chatCompletions(context: RequestContext) {
    const { res, signal, log } = context
    const body = parseBody(chatCompletionRequestSchema, await readJson(context.req))
    log.model = body.model
    const lease = acquire(body.model, ['gguf-llm'])
    try {
      const runtime = lease.runtime
      if (runtime.kind !== 'gguf-llm') throw new Error('unreachable')
      const chat = runtime.chat
      const promptTokens = chat.countPromptTokens(body.messages)
      log.promptTokens = promptTokens
      if (promptTokens >= chat.contextSize) {
        throw AppError.badRequest('AI_CONTEXT_LENGTH_EXCEEDED', 'The prompt is longer than the model context.', {
          promptTokens,
          contextSize: chat.contextSize,
        })
      }
      const grammar = await outputGrammar(body, chat)
      const requested = body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_COMPLETION_TOKENS
      const maxTokens = Math.min(requested, MAX_COMPLETION_TOKENS, chat.contextSize - promptTokens)

      const id = `chatcmpl-${randomUUID()}`
      const created = Math.floor(Date.now() / 1000)
      const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model: body.model,
        choices: [{ index: 0, ...choice }],
        ...extra,
      })
      const stream = body.stream ? new SseStream(res) : undefined
      const result = await queue.run(
        () =>
          chat.generate(body.messages, {
            maxTokens,
            temperature: body.temperature ?? undefined,
            topP: body.top_p ?? undefined,
            seed: body.seed ?? undefined,
            grammar,
            signal,
            onTextChunk: stream
              ? (text) => {
                  if (!stream.started) stream.send(chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null }))
                  stream.send(chunk({ delta: { content: text }, finish_reason: null }))
                }
              : undefined,
          }),
        signal
      )
      log.completionTokens = result.completionTokens
      if (result.finishReason === 'abort') throw signal.reason
      const usage = { prompt_tokens: promptTokens, completion_tokens: result.completionTokens, total_tokens: promptTokens + result.completionTokens }
      if (stream) {
        if (!stream.started) stream.send(chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null }))
        stream.send(chunk({ delta: {}, finish_reason: result.finishReason }, { usage }))
        stream.send('[DONE]')
        stream.end()
      } else {
        sendJson(res, 200, {
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: result.text }, finish_reason: result.finishReason }],
          usage,
        })
      }
    } finally {
      lease.release()
    }
  }

  async function embeddings(context: RequestContext) {
    const body = parseBody(embeddingsRequestSchema, await readJson(context.req))
    context.log.model = body.model
    const lease = acquire(body.model, ['gguf-embedding', 'onnx-feature-extraction'])
    try {
      const runtime = lease.runtime
      if (runtime.kind !== 'gguf-embedding' && runtime.kind !== 'onnx-feature-extraction') throw new Error('unreachable')
      const texts = typeof body.input === 'string' ? [body.input] : body.input
      const { vectors, promptTokens } = await queue.run(() => runtime.embeddings.embed(texts, context.signal), context.signal)
      context.signal.throwIfAborted()
      sendJson(context.res, 200, {
        object: 'list',
        data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        model: body.model,
        usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
      })
    } finally {
      lease.release()
    }
  }

  async function tokenClassification(context: RequestContext) {
    const body = parseBody(tokenClassificationRequestSchema, await readJson(context.req))
    context.log.model = body.model
    const lease = acquire(body.model, ['onnx-token-classification'])
    try {
      const runtime = lease.runtime
      if (runtime.kind !== 'onnx-token-classification') throw new Error('unreachable')
      const spans = await queue.run(() => runtime.tokenClassifier.classify(body.text), context.signal)
      context.signal.throwIfAborted()
      sendJson(context.res, 200, { model: body.model, spans })
    } finally {
      lease.release()
    }
  }

  function acquire(name: string, kinds: ModelEntry['model']['kind'][]): ModelLease {
    const lease = models.acquire(name)
    if (!kinds.includes(lease.model.kind)) {
      lease.release()
      throw AppError.badRequest('AI_WRONG_MODEL_KIND', `This model cannot serve this endpoint (it is a ${lease.model.kind} model).`, {
        model: name,
        kind: lease.model.kind,
        expected: kinds,
      })
    }
    return lease
  }

  async function outputGrammar(body: ChatCompletionRequest, chat: { jsonObjectGrammar(): Promise<OutputGrammar>; jsonSchemaGrammar(schema: unknown): Promise<OutputGrammar> }) {
    const format = body.response_format
    if (!format || format.type === 'text') return undefined
    if (format.type === 'json_object') return chat.jsonObjectGrammar()
    return chat.jsonSchemaGrammar(format.json_schema.schema)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const id = randomUUID()
    const started = Date.now()
    const controller = new AbortController()
    const log: Record<string, unknown> = { requestId: id, method: req.method }
    res.setHeader('x-request-id', id)
    res.on('error', () => {})
    const timer = setTimeout(
      () => controller.abort(new AppError('AI_TIMEOUT', `The request took longer than ${options.requestTimeoutMs} ms and was stopped.`, 504)),
      options.requestTimeoutMs
    )
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new ClientGone())
    })
    active.add(controller)
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      log.path = url.pathname
      if (closing) throw AppError.unavailable('AI_SHUTTING_DOWN', 'The inference service is shutting down.')
      const route = routes[url.pathname]
      if (!route) throw AppError.notFound('AI_NOT_FOUND', 'There is no such endpoint.')
      if (req.method !== route.method) {
        res.setHeader('allow', route.method)
        throw new AppError('AI_METHOD_NOT_ALLOWED', `Use ${route.method} for this endpoint.`, 405)
      }
      if (route.auth && !authorized(req)) {
        throw new AppError('AI_UNAUTHORIZED', 'A valid bearer token is required.', 401)
      }
      await route.handler({ id, req, res, signal: controller.signal, log })
    } catch (error) {
      sendError(res, error, log)
    } finally {
      clearTimeout(timer)
      active.delete(controller)
      log.status = controller.signal.reason instanceof ClientGone ? 'client-gone' : res.statusCode
      log.ms = Date.now() - started
      if (log.path !== '/health') logger.info(log, 'inference request')
    }
  }

  function authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer\s+(.+)$/i.exec(header)
    return match !== null && timingSafeEqual(digest(match[1].trim()), secretDigest)
  }

  function sendError(res: ServerResponse, error: unknown, log: Record<string, unknown>) {
    if (error instanceof ClientGone) {
      res.destroy()
      return
    }
    let status = 500
    let body: { code: string; message: string; details?: unknown }
    if (error instanceof AppError) {
      status = error.status
      body = { code: String(error.code), message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }
      if (error.code === 'AI_QUEUE_FULL') res.setHeader('retry-after', String(queue.retryAfterSeconds))
    } else {
      /* Runtime failures: log the kind of error, never request content. */
      logger.error({ requestId: log.requestId, error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : 'unknown' }, 'inference request failed')
      body = { code: 'AI_INFERENCE_FAILED', message: 'The model failed to process the request.' }
    }
    log.error = body.code
    if (res.headersSent) {
      /* A stream already began: report in-band, then end it. */
      if (!res.destroyed && !res.writableEnded) {
        res.write(`data: ${JSON.stringify({ error: body })}\n\n`)
        res.end()
      }
      return
    }
    if (closing) res.setHeader('connection', 'close')
    sendJson(res, status, { error: body })
  }

  const server = createServer((req, res) => {
    const task = handle(req, res)
    handling.add(task)
    void task.finally(() => handling.delete(task))
  })
  server.requestTimeout = 0
  server.headersTimeout = 30_000

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, options.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await disposeRuntimes()
    throw error
  }

  let closed: Promise<void> | undefined
  return {
    port: (server.address() as AddressInfo).port,
    models: () => models.list(),
    close: () =>
      (closed ??= (async () => {
        closing = true
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        const shutdown = new AppError('AI_SHUTTING_DOWN', 'The inference service is shutting down.', 503)
        for (const controller of active) controller.abort(shutdown)
        queue.rejectWaiting(shutdown)
        server.closeIdleConnections()
        /* Aborted work ends at once; a client still uploading a body gets a short grace, then its connection is cut. */
        const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())
        await Promise.race([Promise.allSettled([...handling]), grace])
        server.closeAllConnections()
        await Promise.allSettled([...handling])
        await stopped
        await disposeRuntimes()
      })()),
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

function runtimeFacts(runtime: NonNullable<ModelEntry['runtime']>): Record<string, number> {
  switch (runtime.kind) {
    case 'gguf-llm':
      return { contextSize: runtime.chat.contextSize }
    case 'gguf-embedding':
    case 'onnx-feature-extraction':
      return runtime.embeddings.dimension === undefined ? {} : { dimension: runtime.embeddings.dimension }
    case 'onnx-token-classification':
      return { maxTokens: runtime.tokenClassifier.maxTokens }
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed || res.writableEnded) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** Reads the body as JSON: 413 `AI_BODY_TOO_LARGE` over {@link MAX_BODY_BYTES}, 400 `AI_MALFORMED_JSON` when it does not parse. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new AppError('AI_BODY_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413, { limit: MAX_BODY_BYTES })
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      req.resume()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw AppError.badRequest('AI_MALFORMED_JSON', 'The request body is not valid JSON.')
  }
}

/** Validates a body; wrong types come back as 400 `AI_INVALID_REQUEST` with the issues (paths and messages only). */
function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw AppError.badRequest('AI_INVALID_REQUEST', 'The request body is invalid.', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    })
  }
  return parsed.data
}
