import { z } from 'zod'
import { defineJob } from '#kernel/jobs/job_definition'
import { clock } from '#kernel/clock'

/**
 * A no-op round trip through the job system: an admin (or a test, or the
 * throughput benchmark) sends a ping and sees it completed with its pong.
 */
export const systemPingJob = defineJob({
  queue: 'system.ping',
  payload: z.strictObject({
    message: z.string().max(200).optional(),
  }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  async handle(payload) {
    return { pong: true, message: payload.message ?? null, handledAt: clock.now().toISO() }
  },
})
