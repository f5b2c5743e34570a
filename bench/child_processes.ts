/*
| What the HTTP benches share: free ports, the app's processes started as
| children (output forwarded to stderr), readiness polling and a clean stop
| (SIGTERM, then SIGKILL), also when bin/bench.ts stops the bench.
| Not a bench itself: bin/bench.ts runs only *.bench.ts files.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
/** The p-th percentile (nearest rank) of ascending numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** The children of one bench; all of them are stopped when the bench is told to stop. */
export class ChildProcesses {
  #children: ChildProcess[] = []
  #log: (message: string) => void

  constructor(log: (message: string) => void) {
    this.#log = log
    /* bin/bench.ts sends SIGTERM on its timeout or Ctrl+C: stop the children before leaving. */
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.#log(`${signal} received: stopping the children`)
        void this.stop().finally(() => process.exit(130))
      })
    }
  }

  /** Starts `node <args>` in the app root; its output goes to stderr with a prefix. */
  start(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, args, { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) process.stderr.write(`[${label}] ${line}\n`)
    }
    child.stdout!.on('data', forward)
    child.stderr!.on('data', forward)
    child.on('exit', (code, signal) => this.#log(`${label} exited (${code ?? signal})`))
    this.#children.push(child)
    return child
  }

  /** SIGTERM to the given children (default: all), SIGKILL to any still alive after `timeoutMs`. */
  async stop(children = this.#children, timeoutMs = 15_000) {
    for (const child of children) if (isRunning(child)) child.kill('SIGTERM')
    const exited = await Promise.all(children.map((child) => waitForExit(child, timeoutMs)))
    if (exited.includes(false)) {
      this.#log('a child ignored SIGTERM: killing it')
      for (const child of children) if (isRunning(child)) child.kill('SIGKILL')
      await Promise.all(children.map((child) => waitForExit(child, 5_000)))
    }
  }

  /** Polls `url` until it answers 200; fails when one of `processes` exits first or after `timeoutMs`. */
  async waitUntilReady(url: string, processes: ChildProcess[], timeoutMs: number) {
    const deadline = Date.now() + timeoutMs
    let last = 'no answer'
    while (Date.now() < deadline) {
      const dead = processes.find((child) => !isRunning(child))
      if (dead) throw new Error(`${dead.spawnargs.slice(-2).join(' ')} exited before readiness`)
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
        const body = await response.text()
        if (response.status === 200) return
        last = `${response.status} ${body.slice(0, 300)}`
      } catch (error) {
        last = (error as Error).message
      }
      await sleep(100)
    }
    throw new Error(`${url} not ready after ${timeoutMs / 1000} s (last: ${last})`)
  }
}
