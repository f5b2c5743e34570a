import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Logger } from '@adonisjs/core/logger'
import { AppError } from '#kernel/index'
import type { InferenceEndpoint, InferenceStatus } from '#ai/inference/inference_endpoint'

export interface SupervisedInferenceOptions {
  appRoot: string
  logger: Logger
  /** Called after an unexpected exit, before the restart (the app records it). */
  onCrash?: (exit: { code: number | null; signal: string | null }) => void
  startTimeoutMs?: number
}

const MAX_RESTART_DELAY_MS = 30_000
/** A child that stayed up this long resets the restart back-off. */
const STABLE_AFTER_MS = 60_000

/**
 * Runs `node ace ai:serve` as a child process on a free loopback port, so a
 * native crash in llama.cpp or ONNX Runtime cannot take this process down.
 * Started on first use; restarted with back-off when it exits unexpectedly.
 */
export class SupervisedInference implements InferenceEndpoint {
  readonly secret = randomBytes(32).toString('hex')
  #child: ChildProcess | null = null
  #url: string | null = null
  #starting: Promise<string> | null = null
  #state: InferenceStatus['state'] = 'stopped'
  #restarts = 0
  #consecutiveCrashes = 0
  #lastExit: InferenceStatus['lastExit'] = null
  #lastError: string | null = null
  #restartTimer: NodeJS.Timeout | null = null
  #stopping = false

  constructor(private options: SupervisedInferenceOptions) {}

  baseUrl(): Promise<string> {
    if (this.#url && this.#state === 'running') return Promise.resolve(this.#url)
    if (this.#stopping) return Promise.reject(unavailable('The inference service is stopping.'))
    this.#starting ??= this.#start().finally(() => (this.#starting = null))
    return this.#starting
  }

  async reload() {
    if (this.#state !== 'running' || !this.#url) return
    const response = await fetch(`${this.#url}/admin/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.secret}` },
      signal: AbortSignal.timeout(120_000),
    })
    if (!response.ok) throw new Error(`inference reload answered ${response.status}`)
  }

  reportUnreachable() {
    if (this.#child && this.#child.exitCode === null && this.#child.signalCode === null) return
    this.#url = null
    if (this.#state === 'running') this.#state = 'stopped'
  }

  status(): InferenceStatus {
    return {
      mode: 'supervised',
      state: this.#state,
      url: this.#url,
      pid: this.#child?.pid ?? null,
      restarts: this.#restarts,
      lastExit: this.#lastExit,
      lastError: this.#lastError,
    }
  }

  async stop() {
    this.#stopping = true
    if (this.#restartTimer) clearTimeout(this.#restartTimer)
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    this.#state = 'stopped'
  }

  async #start(): Promise<string> {
    this.#state = this.#restarts > 0 ? 'restarting' : 'starting'
    const child = spawn(process.execPath, [join(this.options.appRoot, 'ace'), 'ai:serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: this.options.appRoot,
      env: { ...process.env, AI_INFERENCE_SECRET: this.secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    this.#child = child
    const startedAt = Date.now()

    try {
      const port = await this.#waitForListening(child)
      this.#url = `http://127.0.0.1:${port}`
      this.#state = 'running'
      this.#lastError = null
      this.options.logger.info({ pid: child.pid, port }, 'inference service started')
    } catch (error) {
      this.#state = 'failed'
      this.#lastError = (error as Error).message
      child.kill('SIGKILL')
      throw unavailable(`The inference service did not start: ${(error as Error).message}`)
    }

    child.once('exit', (code, signal) => this.#onExit(child, code, signal, startedAt))
    return this.#url
  }

  /** ai:serve prints one JSON line `{"event":"listening","port":N}` when ready; the rest of stdout passes through. */
  async #waitForListening(child: ChildProcess): Promise<number> {
    const lines = createInterface({ input: child.stdout! })
    const timeoutMs = this.options.startTimeoutMs ?? 120_000
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)
      const fail = (code: number | null, signal: string | null) => {
        clearTimeout(timer)
        reject(new Error(`it exited with ${signal ?? `code ${code}`} while starting`))
      }
      child.once('exit', fail)
      let listening = false
      lines.on('line', (line) => {
        if (!listening && line.startsWith('{"event":"listening"')) {
          listening = true
          clearTimeout(timer)
          child.off('exit', fail)
          resolve(JSON.parse(line).port)
          return
        }
        process.stdout.write(line + '\n')
      })
    })
  }

  #onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, startedAt: number) {
    if (child !== this.#child) return
    this.#url = null
    this.#lastExit = { code, signal, at: new Date().toISOString() }
    if (this.#stopping) {
      this.#state = 'stopped'
      return
    }
    this.#restarts += 1
    this.#consecutiveCrashes = Date.now() - startedAt > STABLE_AFTER_MS ? 1 : this.#consecutiveCrashes + 1
    this.#state = 'restarting'
    this.options.logger.error({ pid: child.pid, code, signal, restarts: this.#restarts }, 'inference service exited unexpectedly; restarting it')
    this.options.onCrash?.({ code, signal })

    const delay = Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** (this.#consecutiveCrashes - 1))
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null
      this.baseUrl().catch(() => {})
    }, delay)
    this.#restartTimer.unref()
  }
}

function unavailable(message: string) {
  return AppError.unavailable('AI_INFERENCE_UNAVAILABLE', message)
}
