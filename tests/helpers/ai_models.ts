import app from '@adonisjs/core/services/app'

/**
 * The shared tiny llama GGUF (random weights, llama architecture, 4096-token
 * training context) that AI tests load. It lives beside the repository, in
 * `../shared/models`, and is never copied into it.
 */
export function tinyLlamaPath(): string {
  return app.makePath('..', 'shared', 'models', 'llama-2-tiny-random.gguf')
}
