/** What the console shows about the inference service. */
export type InferenceStatus = {
  mode: 'supervised' | 'remote'
  state: 'stopped' | 'starting' | 'running' | 'restarting' | 'failed'
  url: string | null
  pid: number | null
  /** Unexpected exits the supervisor recovered from since the app started. */
  restarts: number
  lastExit: { code: number | null; signal: string | null; at: string } | null
  lastError: string | null
}

/**
 * Where the inference service is: a child process this app supervises, or a
 * service run elsewhere. The client asks for the base URL before each call.
 */
export interface InferenceEndpoint {
  readonly secret: string
  /** The service's base URL, starting it first if this endpoint owns it. */
  baseUrl(): Promise<string>
  /** Makes the service re-read the manifest (only if it is running). */
  reload(): Promise<void>
  /** Called when a request could not connect: a supervised child is restarted. */
  reportUnreachable(): void
  status(): InferenceStatus
  stop(): Promise<void>
}
