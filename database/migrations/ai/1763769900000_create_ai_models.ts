import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /* Model files an admin installed under MODELS_PATH, with their checksums. */
    this.schema.createTable('ai_models', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('kind', 40).notNullable()
      /* A .gguf file or an ONNX model folder, relative to MODELS_PATH. */
      table.string('path', 1000).notNullable().unique()
      /* [{path, size, sha256}] for every file, paths relative to MODELS_PATH. */
      table.jsonb('files').notNullable()
      table.bigInteger('size_bytes').notNullable()
      /* sha256 of the file, or of the folder's sorted "path sha256" lines. */
      table.string('sha256', 64).notNullable()
      table.text('licence').nullable()
      /* ready: files match their checksums; broken: a file is missing or changed. */
      table.string('status', 10).notNullable()
      table.string('status_reason', 500).nullable()
      table.timestamp('verified_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    /* Which model serves each task; a task without a row uses the built-in fallback. */
    this.schema.createTable('ai_task_assignments', (table) => {
      table.string('task', 30).primary()
      table.integer('model_id').notNullable().references('id').inTable('ai_models').onDelete('CASCADE')
      table.timestamp('assigned_at', { useTz: true }).notNullable()
      table.index(['model_id'])
    })

    /*
    | Vector indexes other modules register (document chunks, code sets...).
    | Each row of such an index records the embedder that made its vector; an
    | index answers queries only with vectors of its current embedder, and
    | re-embeds in background jobs when the embedder changes.
    */
    this.schema.createTable('ai_vector_indexes', (table) => {
      table.string('name', 100).primary()
      table.string('embedder', 200).notNullable()
      table.integer('dimension').notNullable()
      /* ready, or reembedding (rows with another embedder are being redone) */
      table.string('status', 20).notNullable()
      table.integer('rows_total').notNullable().defaultTo(0)
      table.integer('rows_done').notNullable().defaultTo(0)
      table.timestamp('reembed_started_at', { useTz: true }).nullable()
      table.timestamp('reembed_finished_at', { useTz: true }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('ai_vector_indexes')
    this.schema.dropTable('ai_task_assignments')
    this.schema.dropTable('ai_models')
  }
}
