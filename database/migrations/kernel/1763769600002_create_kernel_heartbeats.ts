import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /* One row per worker process start; readiness reads the freshest beat. */
    this.schema.createTable('kernel_worker_heartbeats', (table) => {
      table.uuid('id').primary()
      table.string('hostname', 255).notNullable()
      table.integer('pid').notNullable()
      table.jsonb('queues').notNullable()
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('beat_at', { useTz: true }).notNullable().index()
      table.timestamp('stopped_at', { useTz: true }).nullable()
    })

    /* Named heartbeats of recurring work, e.g. the minute cron job. */
    this.schema.createTable('kernel_heartbeats', (table) => {
      table.string('name', 100).primary()
      table.timestamp('beat_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('kernel_heartbeats')
    this.schema.dropTable('kernel_worker_heartbeats')
  }
}
