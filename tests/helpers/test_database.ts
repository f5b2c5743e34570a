import { randomBytes } from 'node:crypto'
import pg from 'pg'

const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  name: string
  /** Connection string of the new database. */
  url: string
  /** Connection string of the server's maintenance database, for create/drop. */
  maintenanceUrl: string
}

/**
 * Creates an empty database with a unique name on the server of `serverUrl`
 * (any database on it; default: the local server). Names start with
 * `clinibox_test_` so leftovers of killed runs are easy to spot.
 */
export async function createTestDatabase(serverUrl = LOCAL_SERVER_URL): Promise<TestDatabase> {
  const name = `clinibox_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const maintenance = new URL(serverUrl)
  maintenance.pathname = '/postgres'
  const target = new URL(serverUrl)
  target.pathname = `/${name}`

  const client = new pg.Client({ connectionString: maintenance.toString() })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  return { name, url: target.toString(), maintenanceUrl: maintenance.toString() }
}

/** Drops the database, disconnecting whatever still uses it. */
export async function dropTestDatabase(database: TestDatabase) {
  const client = new pg.Client({ connectionString: database.maintenanceUrl })
  await client.connect()
  try {
    await client.query(`drop database if exists "${database.name}" with (force)`)
  } finally {
    await client.end()
  }
}
