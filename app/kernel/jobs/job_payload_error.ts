import type { z } from 'zod'

/**
 * A job payload that does not match its schema. At dispatch time this is a
 * programming error; in the worker the job is dead-lettered without retries,
 * since running it again cannot succeed. Only field paths and zod messages
 * are kept, never the values.
 */
export class JobPayloadError extends Error {
  readonly queue: string
  readonly issues: { field: string; message: string }[]

  constructor(queue: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
    super(`Invalid payload for job "${queue}": ${issues.map((issue) => `${issue.field || '(root)'}: ${issue.message}`).join('; ')}`)
    this.name = 'JobPayloadError'
    this.queue = queue
    this.issues = issues
  }
}
