import type { ServerResponse } from 'node:http'

/**
 * A server-sent events response, opened lazily: the status line and headers
 * go out with the first event, so a request that fails before producing
 * anything can still get a proper error status.
 */
export class SseStream {
  readonly #res: ServerResponse

  constructor(res: ServerResponse) {
    this.#res = res
  }

  get started(): boolean {
    return this.#res.headersSent
  }

  /** Sends one `data:` event (JSON-encoded unless it is a string). */
  send(data: unknown): void {
    if (this.#res.destroyed || this.#res.writableEnded) return
    if (!this.#res.headersSent) {
      this.#res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      })
    }
    this.#res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`)
  }

  end(): void {
    if (!this.#res.destroyed && !this.#res.writableEnded) this.#res.end()
  }
}
