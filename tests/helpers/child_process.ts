import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import app from '@adonisjs/core/services/app'

export interface RunningProcess {
  child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  output(): string
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>
}

/**
 * Starts `node ace <args>` from the app root with the test run's
 * environment (its database, its storage folder), as a separate process.
 */
export function startAce(args: string[], env: Record<string, string> = {}): RunningProcess {
  let output = ''
  const child = spawn(process.execPath, ['ace', ...args], {
    cwd: app.makePath(),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string)
  return { child, output: () => output, exited }
}
