/*
| Ace entrypoint: `node ace <command>`.
|
| In embedded mode (DATABASE_URL unset) commands that use the database open
| the embedded one first (so they fail with "in use" while the appliance
| runs) and migrate it, except the migration commands themselves.
*/
import { prettyPrintError } from '@adonisjs/core'
import { createIgnitor, type IgnitorOptions } from './ignitor.js'
import { databaseMode } from '#kernel/database/database_url'
import type { EmbeddedDatabase } from '#kernel/database/embedded_postgres'

/** Commands that never touch the app's database (db:export opens the embedded one itself). */
const WITHOUT_DATABASE = new Set([
  'list', 'help', 'build', 'serve', 'test', 'add', 'configure', 'eject', 'repl',
  'env:add', 'generate:key', 'inspect:rcfile', 'db:export', 'db:prepare', 'jobs:work', 'ai:serve',
])
/** Commands that manage the schema themselves: no migration first. */
const MANAGE_SCHEMA = /^(migration:|db:wipe$)/

const args = process.argv.splice(2)
const command = args.find((arg) => !arg.startsWith('-'))
let embedded: EmbeddedDatabase | undefined
const options: IgnitorOptions = {}

if (
  databaseMode() === 'embedded' &&
  command !== undefined &&
  !WITHOUT_DATABASE.has(command) &&
  !command.startsWith('make:') &&
  !args.includes('--help') &&
  !args.includes('-h')
) {
  const { startEmbeddedDatabaseOrExit, migrateAtBoot } = await import('#kernel/database/embedded_boot')
  embedded = await startEmbeddedDatabaseOrExit()
  if (!MANAGE_SCHEMA.test(command)) options.configure = (app) => migrateAtBoot(app)
  options.afterTerminate = () => embedded!.close()
}

createIgnitor(options)
  .ace()
  .handle(args)
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
  .finally(() => embedded?.close())
