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
    const { default: AiModel } = await import('#ai/models/ai_model')
    const { verifyModels } = await import('#ai/registry/verify_models')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    let modelId: number | undefined
    if (this.name) {
      const model = await AiModel.findBy('name', this.name)
      if (!model) {
        this.logger.error(`No model named ${this.name}`)
        this.exitCode = 1
        return
      }
      modelId = model.id
    }
    const results = await verifyModels({ actor: SYSTEM_ACTOR }, { modelId })
    for (const result of results) {
      if (result.status === 'ready') this.logger.success(`${result.name}: ready`)
      else this.logger.error(`${result.name}: broken (${result.reason})`)
    }
    if (results.some((result) => result.status === 'broken')) this.exitCode = 1
  }
}
