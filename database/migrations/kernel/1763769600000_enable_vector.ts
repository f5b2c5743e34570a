import { BaseSchema } from '@adonisjs/lucid/schema'

/** pgvector: embeddings live in PostgreSQL beside the data they describe. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('create extension if not exists vector')
  }

  async down() {
    this.schema.raw('drop extension if exists vector')
  }
}
