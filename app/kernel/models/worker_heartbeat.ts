import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'

/** One row per worker process start: who it is, what it consumes, when it last said it was alive. */
export class WorkerHeartbeat extends BaseModel {
  static table = 'kernel_worker_heartbeats'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare hostname: string

  @column()
  declare pid: number

  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare queues: string[]

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare beatAt: DateTime

  @column.dateTime()
  declare stoppedAt: DateTime | null

  @beforeCreate()
  static assignId(heartbeat: WorkerHeartbeat) {
    heartbeat.id ??= randomUUID()
  }
}
