import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { DateTime } from 'luxon'
import type { ClinicRole } from '#identity/roles'
import Clinic from '#identity/models/clinic'

/** A user's role in one clinic. */
export default class Membership extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare clinicId: number

  @column()
  declare role: ClinicRole

  @belongsTo(() => Clinic)
  declare clinic: BelongsTo<typeof Clinic>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
