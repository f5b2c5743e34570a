import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Registers a model an admin copied into MODELS_PATH: checks it is a
 * complete GGUF file or ONNX folder, records its checksums and licence, and
 * optionally assigns it a task. Audited `ai.model.added`.
 */
export default class ModelsAdd extends BaseCommand {
  static commandName = 'models:add'
  static description = 'Register a model file (.gguf) or ONNX folder from the models folder'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path of the .gguf file or ONNX folder, inside the models folder' })
  declare path: string

  @flags.string({ description: 'Task it serves: chat, coding-review, phi-ner, clinical-ner or embeddings' })
  declare task?: string

  @flags.string({ description: 'Name (default: the file or folder name)' })
  declare name?: string

  @flags.string({ description: 'A licence text file inside the models folder' })
  declare licence?: string

  async run() {
    const { MODEL_TASKS } = await import('#ai/inference/serving_manifest')
    const { addModel } = await import('#ai/registry/add_model')
    const { reportCommandError } = await import('#ai/commands/report_command_error')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    const task = this.task as (typeof MODEL_TASKS)[number] | undefined
    if (task !== undefined && !MODEL_TASKS.includes(task)) {
      this.logger.error(`--task: one of ${MODEL_TASKS.join(', ')}; nothing was changed`)
      this.exitCode = 1
      return
    }
    try {
      const model = await addModel({ path: this.path, task, name: this.name, licencePath: this.licence }, { actor: SYSTEM_ACTOR })
      this.logger.success(`Added ${model.name} (${model.kind}, ${model.sizeBytes} bytes, sha256 ${model.sha256})${task ? ` serving ${task}` : ''}`)
    } catch (error) {
      reportCommandError(this, error)
    }
  }
}
