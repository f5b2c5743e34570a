/*
| How a process runs on the embedded database: the entry point opens it
| (serving it on a local socket) before the app boots and points
| DATABASE_URL at it; the app then migrates itself at boot and, in the web
| process, runs the job worker in-process once the HTTP server listens.
*/
import { writeSync } from 'node:fs'
import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { EMBEDDED_MODE_FLAG, embeddedDataPath } from '#kernel/database/database_url'
import { EmbeddedDatabaseError, openEmbeddedDatabase, type EmbeddedDatabase } from '#kernel/database/embedded_postgres'

/** How long a graceful stop of the in-process worker waits for running jobs. */
const WORKER_SHUTDOWN_TIMEOUT_MS = 15_000

/** Opens and serves the embedded database, then makes this process use it. */
export async function startEmbeddedDatabase(): Promise<EmbeddedDatabase> {
  const database = await openEmbeddedDatabase(embeddedDataPath(), { serve: true })
  env.set('DATABASE_URL', database.url!)
  process.env.DATABASE_URL = database.url
  process.env[EMBEDDED_MODE_FLAG] = '1'
  return database
}

/**
 * For entry points: startEmbeddedDatabase, or its one-line message on stderr
 * and the documented exit code (20, 21, 22) when the database cannot open.
 */
export async function startEmbeddedDatabaseOrExit(): Promise<EmbeddedDatabase> {
  try {
    return await startEmbeddedDatabase()
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseError)) throw error
    writeSync(2, `${error.message}\n`)
    process.exit(error.exitCode)
  }
}

/** Runs pending migrations in-process once Lucid is booted (nothing else can connect). */
export function migrateAtBoot(app: ApplicationService) {
  app.booted(async () => {
    const { MigrationRunner } = await import('@adonisjs/lucid/migration')
    const db = await app.container.make('lucid.db')
    const logger = await app.container.make('logger')
    const runner = new MigrationRunner(db, app, { direction: 'up' })
    await runner.run()
    if (runner.error) throw runner.error
    const applied = Object.keys(runner.migratedFiles).length
    if (applied > 0) logger.info({ migrations: applied }, 'embedded database migrated')
  })
}

/**
 * Starts the job worker in this process once the app is ready (after the
 * HTTP server listens) and stops it, finishing running jobs, before the
 * database connection closes.
 */
export function runWorkerInProcess(app: ApplicationService) {
  app.ready(async () => {
    const { JobQueue } = await import('#kernel/jobs/job_queue')
    const { Worker } = await import('#kernel/jobs/worker')
    const { jobRegistry } = await import('#kernel/jobs/job_registry')
    const queue = await app.container.make(JobQueue)
    const logger = await app.container.make('logger')
    const worker = new Worker(queue, jobRegistry.all(), logger, {
      shutdownTimeoutMs: WORKER_SHUTDOWN_TIMEOUT_MS,
      heartbeatIntervalMs: 10_000,
    })
    /* Terminating hooks run in reverse: this one runs before Lucid and pg-boss shut down. */
    app.terminating(() => worker.stop())
    await worker.start()
  })
}
