import db from '@adonisjs/lucid/services/db'

export interface WorkerStatus {
  /** Workers that have not recorded a stop. */
  runningWorkers: number
  /** Seconds since the freshest heartbeat of a running worker; null when none ever beat. */
  heartbeatAgeSeconds: number | null
  /** Seconds since the minute cron job last ran; null before its first run. */
  cronAgeSeconds: number | null
}

/** How alive the job workers look, from their heartbeat rows. */
export async function getWorkerStatus(): Promise<WorkerStatus> {
  const result = await db.rawQuery(`
    select
      (select count(*)::int from kernel_worker_heartbeats where stopped_at is null) as running_workers,
      (select extract(epoch from now() - max(beat_at))::float from kernel_worker_heartbeats where stopped_at is null) as heartbeat_age,
      (select extract(epoch from now() - beat_at)::float from kernel_heartbeats where name = 'cron') as cron_age
  `)
  const row = result.rows[0]
  return {
    runningWorkers: row.running_workers,
    heartbeatAgeSeconds: row.heartbeat_age === null ? null : Math.round(row.heartbeat_age),
    cronAgeSeconds: row.cron_age === null ? null : Math.round(row.cron_age),
  }
}
