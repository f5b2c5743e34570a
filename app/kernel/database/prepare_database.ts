import pg from 'pg'

export class DatabaseUnreachableError extends Error {
  name = 'DatabaseUnreachableError'
}

export class PgvectorMissingError extends Error {
  name = 'PgvectorMissingError'
}

export interface PreparedDatabase {
  database: string
  created: boolean
  /** pgvector version the server offers. */
  vectorVersion: string
}

function withDatabase(url: string, database: string): string {
  const target = new URL(url)
  target.pathname = `/${database}`
  return target.toString()
}

/**
 * Makes sure the database named in `url` exists and that the server offers
 * the pgvector extension (migrations enable it). Safe to run repeatedly.
 */
export async function prepareDatabase(url: string): Promise<PreparedDatabase> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!/^[\w-]+$/.test(database)) throw new Error(`Unsupported database name "${database}"`)

  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
  } catch (error) {
    throw new DatabaseUnreachableError(`Cannot connect to PostgreSQL at ${new URL(url).host}: ${(error as Error).message}`)
  }

  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database])
    const created = existing.rowCount === 0
    if (created) await client.query(`create database "${database}"`)

    const vector = await client.query(`select default_version from pg_available_extensions where name = 'vector'`)
    if (vector.rowCount === 0) {
      throw new PgvectorMissingError(`The PostgreSQL server at ${new URL(url).host} does not have the pgvector extension installed`)
    }
    return { database, created, vectorVersion: vector.rows[0].default_version }
  } finally {
    await client.end()
  }
}
