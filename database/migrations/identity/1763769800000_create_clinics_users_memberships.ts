import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /* Tenants. Every tenant-scoped table elsewhere carries clinic_id. */
    this.schema.createTable('clinics', (table) => {
      table.increments('id')
      table.string('name', 200).notNullable().unique()
      table.string('time_zone', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable()
      table.string('full_name', 200).notNullable()
      table.string('password', 255).notNullable()
      /* super_admin or it_admin: system-wide; null: roles come from memberships. */
      table.string('system_role', 20).nullable()
      table.timestamp('disabled_at', { useTz: true }).nullable()
      table.integer('failed_login_count').notNullable().defaultTo(0)
      table.timestamp('locked_until', { useTz: true }).nullable()
      /* TOTP secret, encrypted with APP_KEY. */
      table.text('totp_secret').nullable()
      table.timestamp('totp_enabled_at', { useTz: true }).nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('password_changed_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('create unique index users_email_unique on users (lower(email))')

    /* A user's role in one clinic. */
    this.schema.createTable('memberships', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.integer('clinic_id').notNullable().references('id').inTable('clinics').onDelete('CASCADE')
      table.string('role', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'clinic_id'])
      table.index(['clinic_id'])
    })
  }

  async down() {
    this.schema.dropTable('memberships')
    this.schema.dropTable('users')
    this.schema.dropTable('clinics')
  }
}
