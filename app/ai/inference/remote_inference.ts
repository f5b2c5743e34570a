import type { InferenceEndpoint, InferenceStatus } from '#ai/inference/inference_endpoint'

/** An inference service someone else runs (Docker's `inference` service, a GPU box). */
export class RemoteInference implements InferenceEndpoint {
  #lastError: string | null = null

  constructor(
    readonly url: string,
    readonly secret: string
  ) {}

  async baseUrl() {
    return this.url.replace(/\/+$/, '')
  }

  async reload() {
    const response = await fetch(`${await this.baseUrl()}/admin/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.secret}` },
      signal: AbortSignal.timeout(120_000),
    })
    if (!response.ok) throw new Error(`inference reload answered ${response.status}`)
  }

  reportUnreachable() {
    this.#lastError = 'The inference service did not answer.'
  }

  status(): InferenceStatus {
    return { mode: 'remote', state: 'running', url: this.url, pid: null, restarts: 0, lastExit: null, lastError: this.#lastError }
  }

  async stop() {}
}
