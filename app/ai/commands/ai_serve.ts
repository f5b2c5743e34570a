import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The local inference service (compose `inference`, or a child process of the
 * appliance): loads the serving manifest's models once and serves the
 * OpenAI-compatible API until SIGTERM or SIGINT. Once listening it prints one
 * JSON line to stdout, `{"event":"listening","port":N,"models":[...]}`, for the
 * supervisor that started it.
 *
 * Environment: AI_INFERENCE_SECRET (required), AI_MAX_THREADS (default and
 * ceiling: the core count), AI_QUEUE_LIMIT (8), AI_CONCURRENCY (1),
 * AI_REQUEST_TIMEOUT_MS (120000), AI_CONTEXT_SIZE (optional, default 4096).
 */
export default class AiServe extends BaseCommand {
  static commandName = 'ai:serve'
  static description = 'Run the local inference service: load the assigned models and serve the OpenAI-compatible API'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.string({ description: 'Port to listen on (0: any free port; default AI_INFERENCE_PORT or 3335)' })
  declare port?: string

  @flags.string({ description: 'Interface to listen on', default: '127.0.0.1' })
  declare host: string

  @flags.string({ description: 'Serving manifest (default <MODELS_PATH>/manifest.json)' })
  declare manifest?: string

  async run() {
    const settings = this.#settings()
    if (typeof settings === 'string') {
      this.logger.error(settings)
      this.exitCode = 1
      await this.terminate()
      return
    }
    const { startInferenceServer } = await import('#ai/inference/inference_server')
    const logger = await this.app.container.make('logger')
    const manifestPath = this.manifest ?? join((await import('#config/storage')).default.modelsPath, 'manifest.json')

    let server
    try {
      server = await startInferenceServer({ ...settings, host: this.host, manifestPath, logger })
    } catch (error) {
      this.logger.error(`The inference service could not start: ${(error as Error).message}`)
      this.exitCode = 1
      await this.terminate()
      return
    }
    this.app.terminating(() => server.close())
    const models = server.models().map((entry) => entry.model.name)
    process.stdout.write(`${JSON.stringify({ event: 'listening', port: server.port, models })}\n`)
    logger.info({ port: server.port, host: this.host, models: models.length, maxThreads: settings.maxThreads }, 'inference service listening')
  }

  /** Settings from flags and env, or what is wrong with them. */
  #settings() {
    const env = process.env
    const secret = env.AI_INFERENCE_SECRET
    if (!secret) return 'AI_INFERENCE_SECRET is not set: the inference service refuses to start without a shared secret.'

    const cores = availableParallelism()
    const port = integer('--port', this.port ?? env.AI_INFERENCE_PORT, 3335, 0, 65535)
    const maxThreads = integer('AI_MAX_THREADS', env.AI_MAX_THREADS, cores, 1, Number.MAX_SAFE_INTEGER)
    const queueLimit = integer('AI_QUEUE_LIMIT', env.AI_QUEUE_LIMIT, 8, 0, 10_000)
    const concurrency = integer('AI_CONCURRENCY', env.AI_CONCURRENCY, 1, 1, 64)
    const requestTimeoutMs = integer('AI_REQUEST_TIMEOUT_MS', env.AI_REQUEST_TIMEOUT_MS, 120_000, 1, 86_400_000)
    const contextSize = env.AI_CONTEXT_SIZE ? integer('AI_CONTEXT_SIZE', env.AI_CONTEXT_SIZE, 4096, 16, 1_048_576) : undefined
    for (const value of [port, maxThreads, queueLimit, concurrency, requestTimeoutMs, contextSize]) {
      if (typeof value === 'string') return value
    }
    return {
      secret,
      port: port as number,
      /* More threads than cores only slows generation down. */
      maxThreads: Math.min(maxThreads as number, cores),
      queueLimit: queueLimit as number,
      concurrency: concurrency as number,
      requestTimeoutMs: requestTimeoutMs as number,
      contextSize: contextSize as number | undefined,
    }
  }
}

/** The value as an integer within bounds, the fallback when unset, or an error message. */
function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number | string {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) return `${name} must be an integer from ${min} to ${max} (got "${value}").`
  return parsed
}
