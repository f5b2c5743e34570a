import { z } from 'zod'
import { SYSTEM_ACTOR } from '#audit/index'
import { defineJob } from '#kernel/index'
import { verifyModels } from '#ai/registry/verify_models'

/** Re-verifies every model's checksums when a worker starts and every night. */
export const verifyModelsJob = defineJob({
  queue: 'ai.verify_models',
  payload: z.object({}),
  cron: '45 2 * * *',
  runAtWorkerStart: true,
  retryLimit: 1,
  expireInSeconds: 2 * 3600,
  batchSize: 1,
  async handle() {
    const results = await verifyModels({ actor: SYSTEM_ACTOR })
    return { verified: results.length, broken: results.filter((result) => result.status === 'broken').length }
  },
})
