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
 * Settings come from config/ai.ts (AI_INFERENCE_SECRET, required, and the
 * AI_* limits); a bad value stops the app at boot, naming the variable.
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
    const { default: aiConfig } = await import('#config/ai')
    const { default: storageConfig } = await import('#config/storage')
    const { startInferenceServer } = await import('#ai/inference/inference_server')
    const logger = await this.app.container.make('logger')

    if (!aiConfig.inferenceSecret) {
      return this.#refuse('AI_INFERENCE_SECRET is not set: the inference service refuses to start without a shared secret.')
    }
    const port = this.port === undefined ? aiConfig.serve.port : Number(this.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) return this.#refuse(`--port must be a whole number from 0 to 65535 (got "${this.port}").`)

    let server
    try {
      server = await startInferenceServer({
        ...aiConfig.serve,
        port,
        host: this.host,
        secret: aiConfig.inferenceSecret,
        manifestPath: this.manifest ?? join(storageConfig.modelsPath, 'manifest.json'),
        logger,
      })
    } catch (error) {
      return this.#refuse(`The inference service could not start: ${(error as Error).message}`)
    }
    this.app.terminating(() => server.close())
    const models = server.models().map((entry) => entry.model.name)
    process.stdout.write(`${JSON.stringify({ event: 'listening', port: server.port, models })}\n`)
    logger.info({ port: server.port, host: this.host, models: models.length, maxThreads: aiConfig.serve.maxThreads }, 'inference service listening')
  }

  async #refuse(message: string) {
    this.logger.error(message)
    this.exitCode = 1
    await this.terminate()
  }
}
