import { AppError, jobQueue, systemPingJob, type JobSummary } from '#kernel/index'

/** A ping's state and, once handled, its pong. */
export async function getPing(id: string): Promise<JobSummary> {
  const ping = await jobQueue.findJob(systemPingJob, id)
  if (!ping) throw AppError.notFound('PING_NOT_FOUND', 'No ping with this id')
  return ping
}
