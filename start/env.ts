/*
| Environment variables, validated when the app boots. Every variable is
| documented in .env.example.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  LOG_LEVEL: Env.schema.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),

  /*
  | PostgreSQL (with pgvector) connection. When unset, the appliance runs in
  | embedded mode: its own PostgreSQL (PGlite) inside the process.
  */
  DATABASE_URL: (key: string, value?: string) => {
    if (!value) return undefined
    if (!/^postgres(ql)?:\/\/.+/.test(value)) {
      throw new Error(`${key} must be a postgres:// connection string`)
    }
    return value
  },

  /* Console sessions end after this many idle minutes (HIPAA automatic logoff). */
  SESSION_IDLE_MINUTES: Env.schema.number.optional(),

  /* Folders for uploaded files and for admin-installed AI models. */
  STORAGE_PATH: Env.schema.string.optional(),
  MODELS_PATH: Env.schema.string.optional(),

  /* Embedded mode only: the database folder. Default: <STORAGE_PATH>/pgdata. */
  EMBEDDED_DATA_PATH: Env.schema.string.optional(),
})
