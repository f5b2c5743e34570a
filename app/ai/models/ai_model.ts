import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import type { ModelKind } from '#ai/inference/serving_manifest'

export interface ModelFile {
  /** Relative to MODELS_PATH. */
  path: string
  size: number
  sha256: string
}

export type ModelStatus = 'ready' | 'broken'

/** A model an admin installed: its files, their checksums and whether they still match. */
export default class AiModel extends BaseModel {
  static table = 'ai_models'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare kind: ModelKind

  /** The .gguf file or ONNX folder, relative to MODELS_PATH. */
  @column()
  declare path: string

  @column({ prepare: (value: ModelFile[]) => JSON.stringify(value) })
  declare files: ModelFile[]

  @column({ consume: (value: string | number) => Number(value) })
  declare sizeBytes: number

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare licence: string | null

  @column()
  declare status: ModelStatus

  @column()
  declare statusReason: string | null

  @column.dateTime()
  declare verifiedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Reported as the model's version: the start of its content hash. */
  get version(): string {
    return this.sha256.slice(0, 12)
  }
}
