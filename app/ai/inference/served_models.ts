import type { Logger } from '@adonisjs/core/logger'
import { AppError } from '#kernel/index'
import type { ServedModel } from '#ai/inference/serving_manifest'
import { loadRuntime, type LoadedRuntime, type RuntimeLoadOptions } from '#ai/runtimes/load_runtime'

export interface ModelEntry {
  model: ServedModel
  state: 'loaded' | 'failed'
  /** Why loading failed (no internals beyond the runtime's message). */
  error?: string
  runtime?: LoadedRuntime
}

interface Slot extends ModelEntry {
  inUse: number
  retired: boolean
}

/** A model handed to one request; release it when the request is done. */
export interface ModelLease {
  model: ServedModel
  runtime: LoadedRuntime
  release(): void
}

/**
 * The models the inference service serves, loaded once each. `sync` brings
 * the set in line with a manifest: new models load, removed ones are disposed
 * once no request uses them, unchanged ones (same name, kind, version and
 * path) stay loaded, and ones that failed are tried again. A model that fails
 * to load is kept as 'failed' with its reason; the others are unaffected.
 */
export class ServedModels {
  readonly #options: RuntimeLoadOptions
  readonly #logger: Pick<Logger, 'info' | 'warn' | 'error'>
  #slots = new Map<string, Slot>()
  #syncing: Promise<void> = Promise.resolve()

  constructor(options: RuntimeLoadOptions, logger: Pick<Logger, 'info' | 'warn' | 'error'>) {
    this.#options = options
    this.#logger = logger
  }

  /** Models worth serving: ready and assigned to at least one task. */
  static servable(models: ServedModel[]): ServedModel[] {
    return models.filter((model) => model.status === 'ready' && model.tasks.length > 0)
  }

  list(): ModelEntry[] {
    return [...this.#slots.values()].map(({ model, state, error, runtime }) => ({ model, state, error, runtime }))
  }

  /** One sync at a time; resolves when this one is done. */
  sync(models: ServedModel[]): Promise<void> {
    const run = this.#syncing.then(() => this.#sync(ServedModels.servable(models)))
    this.#syncing = run.catch(() => undefined)
    return run
  }

  /**
   * The loaded model called `name`: 404 `AI_MODEL_NOT_FOUND` when there is
   * none, 503 `AI_MODEL_UNAVAILABLE` when it failed to load.
   */
  acquire(name: string): ModelLease {
    const slot = this.#slots.get(name)
    if (!slot) throw AppError.notFound('AI_MODEL_NOT_FOUND', 'No model with this name is served.', { model: name })
    if (slot.state !== 'loaded' || !slot.runtime) {
      throw AppError.unavailable('AI_MODEL_UNAVAILABLE', 'This model failed to load and cannot serve requests.', { model: name, reason: slot.error })
    }
    slot.inUse++
    let released = false
    return {
      model: slot.model,
      runtime: slot.runtime,
      release: () => {
        if (released) return
        released = true
        slot.inUse--
        if (slot.retired && slot.inUse === 0) void this.#dispose(slot)
      },
    }
  }

  /** Disposes every model once the requests using them are done (call after they were aborted). */
  async dispose(): Promise<void> {
    await this.#syncing
    const slots = [...this.#slots.values()]
    this.#slots.clear()
    await Promise.all(slots.map((slot) => this.#retire(slot)))
  }

  async #sync(models: ServedModel[]): Promise<void> {
    const wanted = new Map(models.map((model) => [model.name, model]))
    for (const [name, slot] of this.#slots) {
      const next = wanted.get(name)
      if (!next || !sameModel(slot.model, next) || slot.state === 'failed') {
        this.#slots.delete(name)
        await this.#retire(slot)
      } else {
        /* Same files: keep it loaded, take the new task assignment. */
        slot.model = next
      }
    }
    /* One at a time: loading is CPU and memory heavy. */
    for (const model of models) {
      if (this.#slots.has(model.name)) continue
      this.#slots.set(model.name, await this.#load(model))
    }
  }

  async #load(model: ServedModel): Promise<Slot> {
    try {
      const runtime = await loadRuntime(model, this.#options)
      this.#logger.info({ model: model.name, kind: model.kind, version: model.version }, 'model loaded')
      return { model, state: 'loaded', runtime, inUse: 0, retired: false }
    } catch (error) {
      const reason = describeLoadError(error)
      this.#logger.warn({ model: model.name, kind: model.kind, version: model.version, reason }, 'model failed to load')
      return { model, state: 'failed', error: reason, inUse: 0, retired: false }
    }
  }

  async #retire(slot: Slot): Promise<void> {
    slot.retired = true
    if (slot.inUse === 0) await this.#dispose(slot)
  }

  async #dispose(slot: Slot): Promise<void> {
    const runtime = slot.runtime
    slot.runtime = undefined
    if (!runtime) return
    try {
      await runtime.dispose()
    } catch (error) {
      this.#logger.error({ model: slot.model.name, reason: describeLoadError(error) }, 'model failed to dispose')
    }
  }
}

function sameModel(a: ServedModel, b: ServedModel): boolean {
  return a.name === b.name && a.kind === b.kind && a.version === b.version && a.path === b.path
}

function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.length > 300 ? `${message.slice(0, 297)}...` : message
}
