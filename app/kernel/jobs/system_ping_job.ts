import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { defineJob } from '#kernel/jobs/job_definition'
import { clock } from '#kernel/clock'

/**
 * A round trip through the job system: an admin (or a test, or the
 * throughput benchmark) sends a ping and sees it completed with its pong.
 * `holdMs` keeps the job running for a while, to watch a worker finish
 * running jobs when it is asked to stop.
 */
export const systemPingJob = defineJob({
  queue: 'system.ping',
  payload: z.strictObject({
    message: z.string().max(200).optional(),
    holdMs: z.number().int().min(0).max(30_000).optional(),
  }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  async handle(payload) {
    if (payload.holdMs) await sleep(payload.holdMs)
    return { pong: true, message: payload.message ?? null, handledAt: clock.now().toISO() }
  },
})
