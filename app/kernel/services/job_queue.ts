import app from '@adonisjs/core/services/app'
import { JobQueue } from '#kernel/jobs/job_queue'

let jobQueue: JobQueue

await app.booted(async () => {
  jobQueue = await app.container.make(JobQueue)
})

/** The process-wide job queue: `jobQueue.dispatch(job, payload, { trx })`. */
export { jobQueue as default }
