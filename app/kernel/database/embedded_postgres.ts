/*
| The embedded database: PostgreSQL compiled to WASM (PGlite) with pgvector,
| kept in a folder on disk and served on 127.0.0.1 through pglite-socket so
| Lucid and pg-boss talk to it like to any PostgreSQL server.
|
| PGlite is correct with ONE connection only (the socket multiplexer
| interleaves protocol messages otherwise: wrong statements run, jobs run
| twice). So the socket accepts exactly one client, Lucid's pool holds one
| connection and pg-boss borrows it. A lock next to the data folder keeps a
| second process away from the same database.
*/
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import lockfile from 'proper-lockfile'
import type { PGlite } from '@electric-sql/pglite'

/**
 * Exit codes of a process that cannot open its embedded database (the web
 * entry, ace commands, db:export). Documented in README.md.
 */
export const EMBEDDED_EXIT = {
  storageNotWritable: 20,
  dataDirectoryCorrupt: 21,
  dataDirectoryInUse: 22,
} as const

export type EmbeddedFailure = keyof typeof EMBEDDED_EXIT

/** Opening the embedded database failed; `message` is one line meant for the operator. */
export class EmbeddedDatabaseError extends Error {
  name = 'EmbeddedDatabaseError'
  readonly exitCode: number

  constructor(
    readonly failure: EmbeddedFailure,
    message: string
  ) {
    super(message)
    this.exitCode = EMBEDDED_EXIT[failure]
  }
}

export interface EmbeddedDatabase {
  dataDir: string
  /** The PGlite instance (use it only when not serving: the socket owns the one connection). */
  pglite: PGlite
  /** postgres:// URL of the socket server, when serving. */
  url?: string
  /** Stops the socket server, closes PGlite (a clean shutdown checkpoint) and releases the lock. Safe to call twice. */
  close(): Promise<void>
}

export interface OpenEmbeddedOptions {
  /** Serve the database on 127.0.0.1 (a free port) for one client. */
  serve: boolean
  /** Where lock problems after the start are reported. */
  onWarning?: (message: string) => void
}

/** A lock not refreshed for this long belongs to a dead process. */
const LOCK_STALE_MS = 30_000
const LOCK_UPDATE_MS = 5_000

/** The lock lives next to the data folder, so PostgreSQL's own folder holds only its files. */
export function lockPathOf(dataDir: string): string {
  return `${dataDir}.lock`
}

function ensureWritable(dataDir: string) {
  try {
    mkdirSync(dataDir, { recursive: true })
    accessSync(dataDir, constants.W_OK)
    accessSync(dirname(dataDir), constants.W_OK)
    const probe = join(dataDir, `.clinibox-write-test-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new EmbeddedDatabaseError(
      'storageNotWritable',
      `Embedded database: cannot create or write the folder ${dataDir} (${code}). Make it writable by the user running Clinibox, or point STORAGE_PATH or EMBEDDED_DATA_PATH at a writable folder.`
    )
  }
}

function corrupt(dataDir: string, detail: string) {
  return new EmbeddedDatabaseError(
    'dataDirectoryCorrupt',
    `Embedded database: the data folder ${dataDir} is damaged or not a Clinibox database (${detail}). It was left untouched: restore it from a backup, or move it away to start with an empty database.`
  )
}

/** PostgreSQL's own marker file must name the major version PGlite runs (a fresh, empty folder is fine). */
function checkDataDirectory(dataDir: string) {
  const entries = readdirSync(dataDir)
  if (entries.length === 0) return
  let version: string
  try {
    version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()
  } catch {
    throw corrupt(dataDir, 'PG_VERSION is missing')
  }
  if (!/^\d+$/.test(version)) throw corrupt(dataDir, 'PG_VERSION is unreadable')
  if (version !== '18') throw corrupt(dataDir, `it holds PostgreSQL ${version} data, the embedded database runs PostgreSQL 18`)
}

async function acquireLock(dataDir: string, onWarning: (message: string) => void) {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: lockPathOf(dataDir),
      realpath: false,
      retries: 0,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      /* A long stall of the event loop can miss a refresh: warn, never crash the appliance. */
      onCompromised: (error) => onWarning(`embedded database lock: ${error.message}`),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new EmbeddedDatabaseError(
        'dataDirectoryInUse',
        `Embedded database: the data folder ${dataDir} is in use by another Clinibox process (lock ${lockPathOf(dataDir)}). Stop that process first (after a crash, wait ${LOCK_STALE_MS / 1000} s) and try again.`
      )
    }
    throw new EmbeddedDatabaseError(
      'storageNotWritable',
      `Embedded database: cannot create the lock ${lockPathOf(dataDir)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Make ${dirname(dataDir)} writable by the user running Clinibox.`
    )
  }
}

/**
 * Opens (creating when empty) the embedded database in `dataDir`: checks the
 * folder is writable, takes the lock, checks the data folder, starts PGlite
 * with pgvector and, with `serve`, a one-connection socket server.
 * Throws EmbeddedDatabaseError (with its exit code) and leaves the data as it was.
 */
export async function openEmbeddedDatabase(dataDir: string, options: OpenEmbeddedOptions): Promise<EmbeddedDatabase> {
  const onWarning = options.onWarning ?? ((message) => process.stderr.write(`${message}\n`))
  ensureWritable(dataDir)
  const release = await acquireLock(dataDir, onWarning)

  let pglite: PGlite | undefined
  try {
    checkDataDirectory(dataDir)
    const { PGlite } = await import('@electric-sql/pglite')
    const { vector } = await import('@electric-sql/pglite-pgvector')
    try {
      pglite = await PGlite.create(dataDir, { extensions: { vector } })
      await pglite.exec('create extension if not exists vector')
    } catch (error) {
      throw corrupt(dataDir, `PostgreSQL could not start on it: ${oneLine(error)}`)
    }

    let server: import('@electric-sql/pglite-socket').PGLiteSocketServer | undefined
    let url: string | undefined
    if (options.serve) {
      const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
      server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 })
      await server.start()
      const port = server.getServerConn().split(':').at(-1)
      url = `postgres://postgres@127.0.0.1:${port}/postgres`
    }

    const opened = pglite
    let closing: Promise<void> | undefined
    return {
      dataDir,
      pglite: opened,
      url,
      close() {
        closing ??= (async () => {
          await server?.stop()
          await opened.close()
          await release()
        })()
        return closing
      },
    }
  } catch (error) {
    await pglite?.close().catch(() => {})
    await release().catch(() => {})
    throw error
  }
}

/** Whether another process holds the lock of `dataDir` right now. */
export function isEmbeddedDatabaseLocked(dataDir: string): Promise<boolean> {
  return lockfile.check(dataDir, { lockfilePath: lockPathOf(dataDir), realpath: false, stale: LOCK_STALE_MS })
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0].slice(0, 200)
}
