import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A tiny table that proves a pgvector column with an HNSW index works on
 * this server (readiness and the test suite query it).
 */
export default class extends BaseSchema {
  protected tableName = 'kernel_vector_probes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('label', 100).notNullable().unique()
      table.specificType('embedding', 'vector(3)').notNullable()
    })
    this.schema.raw(`create index kernel_vector_probes_embedding_hnsw on ${this.tableName} using hnsw (embedding vector_cosine_ops)`)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
