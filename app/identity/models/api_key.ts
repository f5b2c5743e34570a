import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import type { Permission } from '#identity/roles'

/**
 * An integration API key of one clinic. The secret is shown once at
 * creation; only its SHA-256 hash and a visible prefix are stored.
 */
export default class ApiKey extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare clinicId: number

  @column()
  declare name: string

  @column()
  declare prefix: string

  @column({ serializeAs: null })
  declare hash: string

  @column({ prepare: (value: Permission[]) => JSON.stringify(value) })
  declare abilities: Permission[]

  @column()
  declare rateLimitPerMinute: number

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @column({ consume: (value: string | number) => Number(value) })
  declare useCount: number

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column()
  declare createdByUserId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
