import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCheck, Result } from '@adonisjs/core/health'

/** The storage folder accepts a write. */
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
      await mkdir(this.#folder, { recursive: true })
      await writeFile(probe, 'ok')
      await rm(probe)
      return Result.ok('Storage folder is writable')
    } catch {
      return Result.failed('Storage folder is not writable (see STORAGE_PATH)')
    }
  }
}
