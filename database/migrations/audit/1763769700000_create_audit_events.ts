import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The audit log: append-only (a trigger rejects UPDATE, DELETE and TRUNCATE)
 * and hash-chained (each row's hash covers its content and the previous
 * row's hash), so changes made behind the trigger's back are detectable.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_events', (table) => {
      table.bigInteger('id').primary()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.string('actor_type', 20).notNullable()
      table.string('actor_id', 100).nullable()
      table.string('actor_label', 255).nullable()
      table.integer('clinic_id').nullable()
      table.string('action', 100).notNullable()
      table.string('resource_type', 100).nullable()
      table.string('resource_id', 100).nullable()
      table.string('outcome', 20).notNullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.string('request_id', 100).nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.string('prev_hash', 64).nullable()
      table.string('hash', 64).notNullable().unique()

      table.index(['occurred_at'])
      table.index(['action'])
      table.index(['actor_type', 'actor_id'])
      table.index(['clinic_id', 'occurred_at'])
      table.index(['resource_type', 'resource_id'])
    })
    this.schema.raw('create sequence audit_events_id_seq owned by audit_events.id')

    this.schema.raw(`
      create function audit_events_reject_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end
      $$
    `)
    this.schema.raw(`
      create trigger audit_events_append_only
      before update or delete on audit_events
      for each row execute function audit_events_reject_change()
    `)
    this.schema.raw(`
      create trigger audit_events_no_truncate
      before truncate on audit_events
      for each statement execute function audit_events_reject_change()
    `)

    /* Results of `node ace audit:verify`; the console shows the latest. */
    this.schema.createTable('audit_verifications', (table) => {
      table.increments('id')
      table.timestamp('verified_at', { useTz: true }).notNullable()
      table.boolean('intact').notNullable()
      table.integer('checked_events').notNullable()
      table.bigInteger('first_broken_event_id').nullable()
      table.string('message', 500).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('audit_verifications')
    this.schema.raw('drop table if exists audit_events')
    this.schema.raw('drop function if exists audit_events_reject_change()')
  }
}
