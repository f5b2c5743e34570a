import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCheck, Result } from '@adonisjs/core/health'

/**
 * The storage folder exists and accepts a write. It is not created here:
 * setup (or the container image) creates it.
 */
export class StorageCheck extends BaseCheck {
  name = 'storage'
  #folder: string

  constructor(folder: string) {
    super()
    this.#folder = folder
  }

  async run() {
    const probe = join(this.#folder, `.ready-${randomUUID()}`)
    try {
      await writeFile(probe, 'ok')
      await rm(probe)
      return Result.ok('Storage folder is writable')
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      return Result.failed(`Storage folder ${missing ? 'does not exist' : 'is not writable'} (see STORAGE_PATH)`)
    }
  }
}
