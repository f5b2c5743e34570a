import type { JobDefinition } from '#kernel/jobs/job_definition'

/**
 * The one place that knows every job. Modules export their definitions and
 * `start/jobs.ts` registers them all at boot, so the web process can
 * dispatch and the worker can consume every queue.
 */
export class JobRegistry {
  #jobs = new Map<string, JobDefinition>()

  register(definitions: JobDefinition<any>[]) {
    for (const definition of definitions) {
      if (!/^[\w.-]+$/.test(definition.queue)) {
        throw new Error(`Invalid queue name "${definition.queue}"`)
      }
      if (this.#jobs.has(definition.queue) && this.#jobs.get(definition.queue) !== definition) {
        throw new Error(`Queue "${definition.queue}" is registered twice`)
      }
      this.#jobs.set(definition.queue, definition)
    }
  }

  all(): JobDefinition[] {
    return [...this.#jobs.values()]
  }

  get(queue: string): JobDefinition | undefined {
    return this.#jobs.get(queue)
  }
}

export const jobRegistry = new JobRegistry()
