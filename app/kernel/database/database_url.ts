import env from '#start/env'

/** Used when DATABASE_URL is not set: the local PostgreSQL server with trust auth. */
export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/clinibox'

/** The PostgreSQL connection string the app, the worker and pg-boss share. */
export function databaseUrl(): string {
  return env.get('DATABASE_URL') ?? LOCAL_DATABASE_URL
}
