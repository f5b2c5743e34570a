/*
| Test entrypoint: `node ace test` runs this file.
|
| Every run gets a database of its own on the PostgreSQL server named by
| DATABASE_URL (or the local default), created here before the app boots
| and dropped when the run ends, temporary storage and models folders, and a
| generated tiny llama GGUF for the AI tests.
*/
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { createTestDatabase, dropTestDatabase } from '../tests/helpers/test_database.ts'
import { writeTinyLlamaGguf } from '../tests/helpers/tiny_llama_gguf.ts'
import { createIgnitor } from './ignitor.js'

process.env.NODE_ENV = 'test'
// An empty DATABASE_URL (as .env.example ships it) means the local server.
const testDatabase = await createTestDatabase(process.env.DATABASE_URL || undefined)
process.env.DATABASE_URL = testDatabase.url
const storagePath = mkdtempSync(join(tmpdir(), 'clinibox-test-storage-'))
process.env.STORAGE_PATH = storagePath
// Tests install models into their own folder, never the checkout's models/.
const modelsPath = mkdtempSync(join(tmpdir(), 'clinibox-test-models-'))
process.env.MODELS_PATH = modelsPath
// The tiny llama GGUF that AI tests load, generated once per run (tests/helpers/ai_models.ts).
const fixturesPath = mkdtempSync(join(tmpdir(), 'clinibox-test-fixtures-'))
process.env.CLINIBOX_TEST_TINY_LLAMA = join(fixturesPath, 'tiny-llama.gguf')
await writeTinyLlamaGguf(process.env.CLINIBOX_TEST_TINY_LLAMA)

async function cleanUp() {
  await dropTestDatabase(testDatabase)
  rmSync(storagePath, { recursive: true, force: true })
  rmSync(modelsPath, { recursive: true, force: true })
  rmSync(fixturesPath, { recursive: true, force: true })
}

createIgnitor()
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.ts')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      setup: runnerHooks.setup,
      teardown: [...runnerHooks.teardown, () => app.terminate(), cleanUp],
    })
  })
  .run(() => run())
  .catch(async (error) => {
    process.exitCode = 1
    prettyPrintError(error)
    await cleanUp()
  })
