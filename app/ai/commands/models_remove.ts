import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Unregisters a model; its files stay in the models folder. */
export default class ModelsRemove extends BaseCommand {
  static commandName = 'models:remove'
  static description = 'Unregister a model (its files are left in the models folder)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Model name' })
  declare name: string

  async run() {
    const { default: AiModel } = await import('#ai/models/ai_model')
    const { removeModel } = await import('#ai/registry/remove_model')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    const model = await AiModel.findBy('name', this.name)
    if (!model) {
      this.logger.error(`No model named ${this.name}`)
      this.exitCode = 1
      return
    }
    await removeModel(model.id, { actor: SYSTEM_ACTOR })
    this.logger.success(`Removed ${model.name}; its files are still in the models folder`)
  }
}
