/*
| HTTP server entrypoint (the `web` process).
|
| In embedded mode (DATABASE_URL unset) this one process is the whole
| appliance: it opens the embedded database before the app boots, migrates
| it, serves HTTP and runs the job worker.
*/
import { prettyPrintError } from '@adonisjs/core'
import { createIgnitor } from './ignitor.js'
import { databaseMode } from '#kernel/database/database_url'
import type { EmbeddedDatabase } from '#kernel/database/embedded_postgres'

let embedded: EmbeddedDatabase | undefined
let options = {}

if (databaseMode() === 'embedded') {
  const { startEmbeddedDatabaseOrExit, migrateAtBoot, runWorkerInProcess } = await import('#kernel/database/embedded_boot')
  embedded = await startEmbeddedDatabaseOrExit()
  options = {
    configure: (app: Parameters<typeof migrateAtBoot>[0]) => {
      migrateAtBoot(app)
      runWorkerInProcess(app)
    },
    afterTerminate: () => embedded!.close(),
  }
}

createIgnitor(options)
  .httpServer()
  .start()
  .catch(async (error) => {
    process.exitCode = 1
    prettyPrintError(error)
    await embedded?.close()
  })
