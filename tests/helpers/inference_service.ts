import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import logger from '@adonisjs/core/services/logger'
import { startInferenceServer, type InferenceServer, type InferenceServerOptions } from '#ai/inference/inference_server'
import type { ServedModel } from '#ai/inference/serving_manifest'
import { tinyLlamaPath } from '#tests/helpers/ai_models'

/** The shared secret of services started by {@link startService}. */
export const SECRET = 'test-secret'

export type ManifestModel = Partial<ServedModel> & Pick<ServedModel, 'name'>

export function manifestEntry(model: ManifestModel): ServedModel {
  return { kind: 'gguf-llm', tasks: ['chat'], path: tinyLlamaPath(), version: 'v1', status: 'ready', ...model }
}

export async function writeManifest(folder: string, models: ManifestModel[]): Promise<string> {
  const path = join(folder, 'manifest.json')
  await writeFile(path, JSON.stringify({ models: models.map(manifestEntry) }))
  return path
}

export interface TestService {
  server: InferenceServer
  url: string
  folder: string
  manifestPath: string
  /** fetch with the shared secret unless `auth: false`. */
  call(path: string, init?: RequestInit & { auth?: false; json?: unknown }): Promise<Response>
  close(): Promise<void>
}

/** An inference service in this process, serving a manifest of `models` (tiny llama unless a path is given). */
export async function startService(models: ManifestModel[], overrides: Partial<InferenceServerOptions> = {}): Promise<TestService> {
  const folder = await mkdtemp(join(tmpdir(), 'clinibox-inference-'))
  const manifestPath = await writeManifest(folder, models)
  const server = await startInferenceServer({
    host: '127.0.0.1',
    port: 0,
    secret: SECRET,
    manifestPath,
    maxThreads: 2,
    queueLimit: 4,
    concurrency: 1,
    requestTimeoutMs: 60_000,
    logger,
    ...overrides,
  })
  const url = `http://127.0.0.1:${server.port}`
  return {
    server,
    url,
    folder,
    manifestPath,
    call: (path, { auth, json, ...init } = {}) => {
      const headers = new Headers(init.headers)
      if (auth !== false) headers.set('authorization', `Bearer ${SECRET}`)
      if (json !== undefined) headers.set('content-type', 'application/json')
      return fetch(`${url}${path}`, { ...init, headers, ...(json !== undefined ? { method: 'POST', body: JSON.stringify(json) } : {}) })
    },
    close: async () => {
      await server.close()
      await rm(folder, { recursive: true, force: true })
    },
  }
}

