import { jobQueue, systemPingJob } from '#kernel/index'

/** Enqueues a ping job; the worker answers it with a pong. Returns the job id. */
export async function sendPing(input: { message?: string }): Promise<string> {
  const id = await jobQueue.dispatch(systemPingJob, input)
  if (!id) throw new Error('pg-boss did not return a job id for system.ping')
  return id
}
