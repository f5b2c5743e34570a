import { AppError } from '#kernel/index'

interface Waiter {
  start: () => void
  reject: (error: unknown) => void
}

/**
 * Bounded work for the inference service: at most `concurrency` tasks run at
 * once and at most `limit` more wait for a slot. A task that finds every
 * waiting place taken is refused at once with `AI_QUEUE_FULL` (503), and a
 * waiting task whose signal aborts (client gone, timeout) leaves the queue
 * without ever running.
 */
export class RequestQueue {
  readonly concurrency: number
  readonly limit: number
  #running = 0
  #waiting: Waiter[] = []

  constructor(options: { concurrency: number; limit: number }) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new RangeError('concurrency must be a positive integer')
    if (!Number.isInteger(options.limit) || options.limit < 0) throw new RangeError('limit must be a non-negative integer')
    this.concurrency = options.concurrency
    this.limit = options.limit
  }

  get running(): number {
    return this.#running
  }

  get waiting(): number {
    return this.#waiting.length
  }

  /** Seconds a refused client should wait before trying again (a rough guess, for `Retry-After`). */
  get retryAfterSeconds(): number {
    return 1 + Math.ceil(this.#waiting.length / this.concurrency)
  }

  /**
   * Runs `task` once a slot is free. Rejects with `AI_QUEUE_FULL` when no
   * waiting place is left, or with the signal's reason when it aborts before
   * the task started. The slot is released when the task settles.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted()
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.limit) {
        throw new AppError('AI_QUEUE_FULL', 'The inference service is busy: every waiting place is taken. Try again shortly.', 503, {
          running: this.#running,
          waiting: this.#waiting.length,
          limit: this.limit,
        })
      }
      await this.#waitForSlot(signal)
    } else {
      this.#running++
    }
    try {
      return await task()
    } finally {
      this.#release()
    }
  }

  /** Refuses every waiting task with `error` (used on shutdown). */
  rejectWaiting(error: unknown): void {
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error)
  }

  #waitForSlot(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(waiter)
        if (index !== -1) this.#waiting.splice(index, 1)
        reject(signal!.reason)
      }
      const waiter: Waiter = {
        /* The slot is handed over by #release: the running count already includes this task. */
        start: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort)
          reject(error)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiting.push(waiter)
    })
  }

  #release(): void {
    const next = this.#waiting.shift()
    if (next) next.start()
    else this.#running--
  }
}
