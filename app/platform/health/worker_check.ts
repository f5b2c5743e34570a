import { BaseCheck, Result } from '@adonisjs/core/health'
import { getWorkerStatus } from '#kernel/index'

/** A worker beats every 10 s; three missed beats and it counts as gone. */
const MAX_HEARTBEAT_AGE_SECONDS = 45
/** The cron job runs every minute; three missed runs is worth a warning. */
const MAX_CRON_AGE_SECONDS = 180

/** At least one job worker is alive, and scheduled jobs are running. */
export class WorkerCheck extends BaseCheck {
  name = 'worker'

  async run() {
    let status
    try {
      status = await getWorkerStatus()
    } catch {
      return Result.failed('Could not read worker heartbeats')
    }
    const meta = { ...status, maxHeartbeatAgeSeconds: MAX_HEARTBEAT_AGE_SECONDS }

    if (status.heartbeatAgeSeconds === null) {
      return Result.failed('No job worker is running').mergeMetaData(meta)
    }
    if (status.heartbeatAgeSeconds > MAX_HEARTBEAT_AGE_SECONDS) {
      return Result.failed(`No worker heartbeat for ${status.heartbeatAgeSeconds} s`).mergeMetaData(meta)
    }
    if (status.cronAgeSeconds !== null && status.cronAgeSeconds > MAX_CRON_AGE_SECONDS) {
      return Result.warning(`Scheduled jobs last ran ${status.cronAgeSeconds} s ago`).mergeMetaData(meta)
    }
    return Result.ok(`${status.runningWorkers} worker(s) running`).mergeMetaData(meta)
  }
}
