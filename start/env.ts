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

  /* PHI detections scoring below this (0-1) are dropped (default 0.3: recall first). */
  PHI_THRESHOLD: Env.schema.number.optional(),
  /* Longest text the PHI engine accepts, in characters (default 500000). */
  PHI_MAX_TEXT_CHARS: Env.schema.number.optional(),

  /* Reference data folder imported by setup (scripts/setup.sh); not read at run time. */
  REFERENCE_DATA_DIR: Env.schema.string.optional(),

  /*
  | Local AI. Without AI_INFERENCE_URL the appliance starts `node ace ai:serve`
  | as its own child process when a model is first needed. With it (Docker's
  | inference service, or a GPU box), it uses that service with AI_INFERENCE_SECRET.
  */
  AI_INFERENCE_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  AI_INFERENCE_SECRET: Env.schema.string.optional(),
  AI_INFERENCE_PORT: Env.schema.number.optional(),
  AI_MAX_THREADS: Env.schema.number.optional(),
  AI_QUEUE_LIMIT: Env.schema.number.optional(),
  AI_CONCURRENCY: Env.schema.number.optional(),
  AI_REQUEST_TIMEOUT_MS: Env.schema.number.optional(),
  AI_CONTEXT_SIZE: Env.schema.number.optional(),

  /*
  | Key of the PHI re-identification vault (AES-256-GCM): base64 of 32 bytes.
  | Required in production; earlier keys, comma-separated, still decrypt until
  | `node ace keys:rotate-phi` re-encrypts. Checked in config/privacy.ts.
  */
  PHI_VAULT_KEY: Env.schema.secret.optional(),
  PHI_VAULT_PREVIOUS_KEYS: Env.schema.secret.optional(),

  /* Embedded mode only: the database folder. Default: <STORAGE_PATH>/pgdata. */
  EMBEDDED_DATA_PATH: Env.schema.string.optional(),
})
