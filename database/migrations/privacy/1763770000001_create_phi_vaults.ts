import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /*
    | The re-identification vault: per de-identified document, the
    | token→original mapping (and date shift) as JSON encrypted with
    | AES-256-GCM. key_id names the key (sha256 prefix), so keys can rotate.
    */
    this.schema.createTable('phi_vaults', (table) => {
      table.uuid('id').primary()
      table.integer('clinic_id').nullable().references('id').inTable('clinics').onDelete('CASCADE')
      table.string('key_id', 16).notNullable()
      table.binary('iv').notNullable()
      table.binary('auth_tag').notNullable()
      table.binary('ciphertext').notNullable()
      table.string('operator', 20).notNullable()
      table.integer('span_count').notNullable()
      /* Who stored it (an actor label such as "user:12" or "system"), never PHI. */
      table.string('created_by', 200).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['clinic_id'])
      table.index(['key_id'])
    })
  }

  async down() {
    this.schema.dropTable('phi_vaults')
  }
}
