import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Re-hashes model files; exit code 1 when any model is broken. */
export default class ModelsVerify extends BaseCommand {
  static commandName = 'models:verify'
  static description = 'Verify the checksums of every model (or one, by name)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Model name (default: all)', required: false })
  declare name?: string

  async run() {
    const { findModelByName } = await import('#ai/registry/find_model_by_name')
    const { verifyModels } = await import('#ai/registry/verify_models')
    const { reportCommandError } = await import('#ai/commands/report_command_error')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    let results
    try {
      const modelId = this.name ? (await findModelByName(this.name)).id : undefined
      results = await verifyModels({ actor: SYSTEM_ACTOR }, { modelId })
    } catch (error) {
      reportCommandError(this, error)
      return
    }
    for (const result of results) {
      if (result.status === 'ready') this.logger.success(`${result.name}: ready`)
      else this.logger.error(`${result.name}: broken (${result.reason})`)
    }
    if (results.some((result) => result.status === 'broken')) this.exitCode = 1
  }
}
