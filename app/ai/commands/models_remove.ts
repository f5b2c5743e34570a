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
    const { findModelByName } = await import('#ai/registry/find_model_by_name')
    const { removeModel } = await import('#ai/registry/remove_model')
    const { reportCommandError } = await import('#ai/commands/report_command_error')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    try {
      const model = await findModelByName(this.name)
      await removeModel(model.id, { actor: SYSTEM_ACTOR })
      this.logger.success(`Removed ${model.name}; its files are still in the models folder`)
    } catch (error) {
      reportCommandError(this, error)
    }
  }
}
