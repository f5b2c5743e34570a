/*
| What every entrypoint (server, console, test) boots the same way: the app
| root, the importer, env validation and signal handling.
*/
import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

export interface IgnitorOptions {
  /** Runs on the app before it boots (e.g. embedded-mode hooks). */
  configure?: (app: ApplicationService) => void
  /** Runs after the app has terminated on SIGTERM or SIGINT (e.g. close the embedded database). */
  afterTerminate?: () => Promise<void>
}

/** An Ignitor whose app validates env at boot and terminates on SIGTERM or SIGINT. */
export function createIgnitor(options: IgnitorOptions = {}) {
  return new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    options.configure?.(app)
    /* One termination, however many signals arrive (a terminal sends SIGINT to the whole group). */
    let terminating: Promise<void> | undefined
    const terminate = () => {
      terminating ??= app.terminate().then(() => options.afterTerminate?.())
      return terminating
    }
    app.listen('SIGTERM', terminate)
    app.listen('SIGINT', terminate)
  })
}
