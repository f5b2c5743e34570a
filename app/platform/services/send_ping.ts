import { jobQueue, systemPingJob } from '#kernel/index'

/** Enqueues a ping job; the worker answers it with a pong. Returns the job id. */
export async function sendPing(input: { message?: string; holdMs?: number }): Promise<string> {
  return jobQueue.dispatch(systemPingJob, input)
}
