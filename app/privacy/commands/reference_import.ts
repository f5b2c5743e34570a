import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Imports the name, place, hospital and common-word lists of a reference
 * data folder (the layout of shared/data) as a pack, replacing an earlier
 * import of the same name. Audited `reference.pack.imported`.
 */
export default class ReferenceImport extends BaseCommand {
  static commandName = 'reference:import'
  static description = 'Import a reference-data folder (names, places, hospitals) used by PHI detection'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The reference data folder (names/, places/, hospitals/, icd10cm/)' })
  declare dir: string

  @flags.string({ description: 'Pack name (default: us-reference); a pack of the same name is replaced' })
  declare pack?: string

  @flags.string({ description: "Pack version (default: today's date)" })
  declare version?: string

  async run() {
    const { importReferencePack } = await import('#privacy/reference/import_reference_pack')
    const { AppError } = await import('#kernel/index')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    const started = performance.now()
    try {
      const pack = await importReferencePack({ dir: this.dir, pack: this.pack, version: this.version }, { actor: SYSTEM_ACTOR })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const replaced = pack.replacedVersion ? ` (replaced version ${pack.replacedVersion})` : ''
      this.logger.success(`Imported ${pack.name} ${pack.version} from ${pack.sourceDir} in ${seconds} s${replaced}`)
      for (const [list, count] of Object.entries(pack.counts)) this.logger.info(`${list}: ${count}`)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      this.logger.error(`${error.code}: ${error.message}`)
      this.logger.error('Nothing was changed')
      this.exitCode = 1
    }
  }
}
