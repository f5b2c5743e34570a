import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /* Console sessions (@adonisjs/session database store). */
    this.schema.createTable('sessions', (table) => {
      table.string('id').primary()
      table.text('data').notNullable()
      table.string('user_id').nullable().index()
      table.timestamp('expires_at', { useTz: true }).notNullable().index()
    })

    /* Personal access tokens for the REST API (@adonisjs/auth). */
    this.schema.createTable('auth_access_tokens', (table) => {
      table.increments('id')
      table.integer('tokenable_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable().unique()
      table.text('abilities').notNullable()
      table.timestamp('created_at', { useTz: true })
      table.timestamp('updated_at', { useTz: true })
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
    })

    /* Integration API keys: belong to a clinic; only a SHA-256 hash is stored. */
    this.schema.createTable('api_keys', (table) => {
      table.increments('id')
      table.integer('clinic_id').notNullable().references('id').inTable('clinics').onDelete('CASCADE')
      table.string('name', 100).notNullable()
      table.string('prefix', 16).notNullable()
      table.string('hash', 64).notNullable().unique()
      table.jsonb('abilities').notNullable()
      table.integer('rate_limit_per_minute').notNullable().defaultTo(100)
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.bigInteger('use_count').notNullable().defaultTo(0)
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.integer('created_by_user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['clinic_id'])
    })
  }

  async down() {
    this.schema.dropTable('api_keys')
    this.schema.dropTable('auth_access_tokens')
    this.schema.dropTable('sessions')
  }
}
