import { availableParallelism } from 'node:os'
import env from '#start/env'

const cores = availableParallelism()

/** A whole number within bounds, or the app refuses to boot, naming the variable. */
function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${value})`)
  }
  return value
}

/** Local AI settings (see start/env.ts and README, Models). */
const aiConfig = {
  /** An inference service run elsewhere (Docker's `inference`, a GPU box); unset: a supervised child process. */
  inferenceUrl: env.get('AI_INFERENCE_URL') ?? null,
  /** Shared secret for that service; a supervised child gets a fresh random one. */
  inferenceSecret: env.get('AI_INFERENCE_SECRET') ?? null,

  /** How `node ace ai:serve` runs. */
  serve: {
    port: bounded('AI_INFERENCE_PORT', env.get('AI_INFERENCE_PORT') ?? 3335, 0, 65_535),
    /* More threads than cores only slows generation down. */
    maxThreads: Math.min(bounded('AI_MAX_THREADS', env.get('AI_MAX_THREADS') ?? cores, 1, 1024), cores),
    queueLimit: bounded('AI_QUEUE_LIMIT', env.get('AI_QUEUE_LIMIT') ?? 8, 0, 10_000),
    concurrency: bounded('AI_CONCURRENCY', env.get('AI_CONCURRENCY') ?? 1, 1, 64),
    requestTimeoutMs: bounded('AI_REQUEST_TIMEOUT_MS', env.get('AI_REQUEST_TIMEOUT_MS') ?? 120_000, 1, 86_400_000),
    contextSize: env.get('AI_CONTEXT_SIZE') === undefined ? undefined : bounded('AI_CONTEXT_SIZE', env.get('AI_CONTEXT_SIZE')!, 16, 1_048_576),
  },
}

export default aiConfig
