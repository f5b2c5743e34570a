import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Lists registered models and which engine serves each task. */
export default class ModelsList extends BaseCommand {
  static commandName = 'models:list'
  static description = 'List registered models and the engine of each AI task'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { listModels } = await import('#ai/registry/list_models')
    const { models, tasks, unregistered } = await listModels()
    const table = this.ui.table()
    table.head(['Name', 'Kind', 'Tasks', 'Status', 'Size', 'Version'])
    for (const model of models) {
      table.row([model.name, model.kind, model.tasks.join(', ') || '-', model.statusReason ? `${model.status}: ${model.statusReason}` : model.status, String(model.sizeBytes), model.version])
    }
    table.render()
    for (const task of tasks) this.logger.info(`${task.task}: ${task.engine}`)
    if (unregistered.length > 0) this.logger.info(`Not registered yet: ${unregistered.join(', ')}`)
  }
}
