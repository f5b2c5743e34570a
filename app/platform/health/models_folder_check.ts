import { readdir } from 'node:fs/promises'
import { BaseCheck, Result } from '@adonisjs/core/health'

/** The models folder can be listed; its model files are optional. */
export class ModelsFolderCheck extends BaseCheck {
  name = 'models'
  #folder: string

  constructor(folder: string) {
    super()
    this.#folder = folder
  }

  async run() {
    try {
      const entries = await readdir(this.#folder)
      return Result.ok('Models folder is readable').mergeMetaData({ entries: entries.length })
    } catch {
      return Result.failed('Models folder is not readable (see MODELS_PATH)')
    }
  }
}
