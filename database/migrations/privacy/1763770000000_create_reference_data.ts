import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /* Imported reference-data packs; one row per pack name (re-importing a name replaces it). */
    this.schema.createTable('reference_packs', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('version', 100).notNullable()
      table.text('source_dir').notNullable()
      table.timestamp('imported_at', { useTz: true }).notNullable()
      /* Entries per list: {firstNames, lastNames, cities, states, organizations, commonWords}. */
      table.jsonb('counts').notNullable()
    })

    /* First names and surnames, lowercase, with a log-scaled frequency in [0, 1]. */
    this.schema.createTable('reference_names', (table) => {
      table.integer('pack_id').notNullable().references('id').inTable('reference_packs').onDelete('CASCADE')
      table.string('kind', 10).notNullable()
      table.text('name').notNullable()
      table.specificType('frequency', 'real').notNullable()
      table.index(['pack_id'])
      table.index(['kind', 'name'])
    })
    this.schema.raw(`alter table reference_names add constraint reference_names_kind check (kind in ('first', 'last'))`)
    this.schema.raw(`alter table reference_names add constraint reference_names_frequency check (frequency between 0 and 1)`)

    /* Cities (one row per name and state) and states, lowercase, with the state's two-letter code. */
    this.schema.createTable('reference_places', (table) => {
      table.integer('pack_id').notNullable().references('id').inTable('reference_packs').onDelete('CASCADE')
      table.string('kind', 10).notNullable()
      table.text('name').notNullable()
      table.string('state_code', 2).notNullable()
      table.index(['pack_id'])
      table.index(['kind', 'name'])
    })
    this.schema.raw(`alter table reference_places add constraint reference_places_kind check (kind in ('city', 'state'))`)

    /* Hospital and health-system names, lowercase. */
    this.schema.createTable('reference_organizations', (table) => {
      table.integer('pack_id').notNullable().references('id').inTable('reference_packs').onDelete('CASCADE')
      table.text('name').notNullable()
      table.index(['pack_id'])
      table.index(['name'])
    })

    /* Ordinary English and clinical words that are names only in name context. */
    this.schema.createTable('reference_common_words', (table) => {
      table.integer('pack_id').notNullable().references('id').inTable('reference_packs').onDelete('CASCADE')
      table.text('word').notNullable()
      table.index(['pack_id'])
      table.index(['word'])
    })
  }

  async down() {
    this.schema.dropTable('reference_common_words')
    this.schema.dropTable('reference_organizations')
    this.schema.dropTable('reference_places')
    this.schema.dropTable('reference_names')
    this.schema.dropTable('reference_packs')
  }
}
