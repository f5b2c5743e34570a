import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Assigns a model to a task, or `none` to return the task to its built-in fallback. */
export default class ModelsAssign extends BaseCommand {
  static commandName = 'models:assign'
  static description = 'Make a model serve a task (model "none" for the built-in fallback)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Task: chat, coding-review, phi-ner, clinical-ner or embeddings' })
  declare task: string

  @args.string({ description: 'Model name, or none' })
  declare model: string

  async run() {
    const { MODEL_TASKS } = await import('#ai/inference/serving_manifest')
    const { findModelByName } = await import('#ai/registry/find_model_by_name')
    const { assignModelTask } = await import('#ai/registry/assign_model_task')
    const { reportCommandError } = await import('#ai/commands/report_command_error')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    const task = this.task as (typeof MODEL_TASKS)[number]
    if (!MODEL_TASKS.includes(task)) {
      this.logger.error(`Task: one of ${MODEL_TASKS.join(', ')}; nothing was changed`)
      this.exitCode = 1
      return
    }
    try {
      const model = this.model === 'none' ? null : await findModelByName(this.model)
      await assignModelTask({ task, modelId: model?.id ?? null }, { actor: SYSTEM_ACTOR })
      this.logger.success(model ? `${model.name} now serves ${task}` : `${task} now uses its built-in fallback`)
    } catch (error) {
      reportCommandError(this, error)
    }
  }
}
