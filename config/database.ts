import { defineConfig } from '@adonisjs/lucid'
import { databaseMode, databaseUrl } from '#kernel/database/database_url'

const dbConfig = defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: { connectionString: databaseUrl() },
      /*
      | Embedded mode: the embedded PostgreSQL is correct with one connection
      | only, so the pool holds exactly one, kept open (pg-boss shares it).
      */
      pool: databaseMode() === 'embedded' ? { min: 0, max: 1, idleTimeoutMillis: 24 * 3600 * 1000 } : { min: 0, max: 10 },
      migrations: {
        naturalSort: true,
        /* One folder per module, in the order of ARCHITECTURE.md's module table. */
        paths: ['database/migrations/kernel', 'database/migrations/audit', 'database/migrations/identity', 'database/migrations/ai', 'database/migrations/privacy'],
      },
      seeders: { paths: ['database/seeders'] },
      /*
      | Models declare their columns explicitly; the generated schema
      | classes are not used.
      */
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
