import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import env from '#start/env'

export type DatabaseMode = 'embedded' | 'server'

/**
 * Set by the entry points (bin/server.ts, bin/console.ts) once they have
 * started the embedded database and pointed DATABASE_URL at its socket: the
 * rest of the process then knows it runs embedded although a URL is set.
 */
export const EMBEDDED_MODE_FLAG = 'CLINIBOX_EMBEDDED_DATABASE'

/**
 * Where a process that has no database goes: a name that cannot resolve, so
 * a command that reaches for the database without having started the
 * embedded one fails loudly instead of finding some other server.
 */
const NO_DATABASE_URL = 'postgres://embedded-database-not-started.invalid:5432/clinibox'

/**
 * `server` when DATABASE_URL names a PostgreSQL server (environment or .env),
 * `embedded` when it is unset: the appliance then runs its own PostgreSQL
 * (PGlite) inside the process.
 */
export function databaseMode(): DatabaseMode {
  if (process.env[EMBEDDED_MODE_FLAG] === '1') return 'embedded'
  return env.get('DATABASE_URL') ? 'server' : 'embedded'
}

/** The PostgreSQL connection string the app, the worker and pg-boss share. */
export function databaseUrl(): string {
  return env.get('DATABASE_URL') || process.env.DATABASE_URL || NO_DATABASE_URL
}

/** The embedded database's folder: EMBEDDED_DATA_PATH, else `<STORAGE_PATH>/pgdata`. */
export function embeddedDataPath(): string {
  const appRoot = fileURLToPath(new URL('../../../', import.meta.url))
  const configured = env.get('EMBEDDED_DATA_PATH')
  if (configured) return isAbsolute(configured) ? configured : resolve(appRoot, configured)
  const storage = env.get('STORAGE_PATH') || 'storage'
  return join(isAbsolute(storage) ? storage : resolve(appRoot, storage), 'pgdata')
}
