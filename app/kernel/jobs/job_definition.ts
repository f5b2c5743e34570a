import type { z } from 'zod'

/** What a handler learns about the job it runs. */
export interface JobContext {
  jobId: string
  queue: string
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number
}

/**
 * A durable job: one pg-boss queue with its payload schema, retry policy and
 * handler. Handlers MUST be idempotent: pg-boss runs a job again when its
 * worker dies or it outlives `expireInSeconds`, so running the same payload
 * twice must leave the same result (upsert, check-then-act inside a
 * transaction, or a unique key). Payloads carry ids, never PHI.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Queue name, `<module>.<verb>` (letters, digits, `.`, `_`, `-`). */
  queue: string
  payload: Schema
  /** May return a small non-PHI summary, kept as the job's output. */
  handle(payload: z.output<Schema>, context: JobContext): Promise<Record<string, unknown> | void>
  /** Retries after the first failure before the job goes to the dead-letter queue. */
  retryLimit: number
  /** First retry delay; doubled on each retry (with jitter) when `retryBackoff` is on. */
  retryDelaySeconds: number
  retryBackoff: boolean
  /** Longest a single run may take before pg-boss counts it as failed. */
  expireInSeconds: number
  /** How many jobs one fetch takes; bursts while batches come back full. */
  batchSize: number
  /** Seconds between polls when the queue is idle. */
  pollingIntervalSeconds: number
  /** A cron expression (minute granularity, UTC) when the job runs on a schedule. */
  cron?: string
  /** Also run once whenever a worker starts (payload `{}`), e.g. checks that must not wait for the schedule. */
  runAtWorkerStart?: boolean
}

export type JobDefinitionInput<Schema extends z.ZodType> = Pick<JobDefinition<Schema>, 'queue' | 'payload' | 'handle'> &
  Partial<Omit<JobDefinition<Schema>, 'queue' | 'payload' | 'handle'>>

export const JOB_DEFAULTS = {
  retryLimit: 5,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  batchSize: 50,
  pollingIntervalSeconds: 1,
} as const

export function defineJob<Schema extends z.ZodType>(input: JobDefinitionInput<Schema>): JobDefinition<Schema> {
  return { ...JOB_DEFAULTS, ...input }
}

/** Where jobs of `queue` end up after their last retry fails. */
export function deadLetterQueueOf(queue: string): string {
  return `${queue}.dead`
}
