/*
| Runs the real appliance, and ace commands, in embedded mode (DATABASE_URL
| empty, so a developer's .env cannot switch them to a server) in a storage
| folder of the test's own.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const APP_KEY = randomBytes(24).toString('base64url')
const PHI_VAULT_KEY = randomBytes(32).toString('base64')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The environment of an embedded-mode child: production, no DATABASE_URL, its own storage. */
export function embeddedEnv(storagePath: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEY,
    PHI_VAULT_KEY,
    DATABASE_URL: '',
    EMBEDDED_DATA_PATH: '',
    CLINIBOX_EMBEDDED_DATABASE: '',
    STORAGE_PATH: storagePath,
    ...extra,
  }
  return env
}

export interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node <args>` in the app root to completion. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

export const ace = (args: string[], env: NodeJS.ProcessEnv) => runNode(['ace.js', ...args], env)

/** A running appliance (bin/server.ts). */
export class Appliance {
  readonly url: string
  output = ''
  #child: ChildProcess
  #exited: Promise<number | null>

  private constructor(child: ChildProcess, port: number) {
    this.#child = child
    this.url = `http://127.0.0.1:${port}`
    child.stdout!.on('data', (chunk) => (this.output += chunk))
    child.stderr!.on('data', (chunk) => (this.output += chunk))
    this.#exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  }

  static async start(storagePath: string, extra: NodeJS.ProcessEnv = {}) {
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: APP_ROOT,
      env: embeddedEnv(storagePath, { PORT: String(port), ...extra }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return new Appliance(child, port)
  }

  get running() {
    return this.#child.exitCode === null && this.#child.signalCode === null
  }

  /** Resolves once /health/ready answers 200; throws when the process dies or time runs out. */
  async waitUntilReady(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs
    let last = 'no answer'
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the appliance exited before it was ready:\n${this.output}`)
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3_000) })
        last = `${response.status} ${await response.text()}`
        if (response.status === 200) return
      } catch (error) {
        last = (error as Error).message
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`not ready after ${timeoutMs / 1000} s (last: ${last})\n${this.output}`)
  }

  /** Waits for the process to end by itself (SIGKILL after the timeout). Returns the exit code. */
  async exit(timeoutMs = 60_000): Promise<number | null> {
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs)
    const code = await this.#exited
    clearTimeout(timer)
    return code
  }

  /** SIGTERM, then waits for the exit (SIGKILL after the timeout). Returns the exit code. */
  async stop(timeoutMs = 30_000): Promise<number | null> {
    if (this.running) {
      this.#child.kill('SIGTERM')
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs)
      const code = await this.#exited
      clearTimeout(timer)
      return code
    }
    return this.#exited
  }
}
