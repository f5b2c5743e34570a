import env from '#start/env'

/** Where the app finds the local inference service (see start/env.ts). */
const aiConfig = {
  /** An inference service run elsewhere (Docker's `inference`, a GPU box); unset: a supervised child process. */
  inferenceUrl: env.get('AI_INFERENCE_URL') ?? null,
  /** Shared secret for that service; a supervised child gets a fresh random one. */
  inferenceSecret: env.get('AI_INFERENCE_SECRET') ?? null,
}

export default aiConfig
