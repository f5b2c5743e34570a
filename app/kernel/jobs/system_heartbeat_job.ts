import { z } from 'zod'
import db from '@adonisjs/lucid/services/db'
import { defineJob } from '#kernel/jobs/job_definition'

/** Worker rows that stopped or went silent this long ago are deleted. */
const WORKER_ROW_RETENTION_DAYS = 7

/**
 * Runs every minute from pg-boss cron. Recording the time proves the whole
 * chain (cron, queue, worker, database) works; readiness reports its age.
 * Also prunes old worker heartbeat rows. Both steps are idempotent.
 */
export const systemHeartbeatJob = defineJob({
  queue: 'system.heartbeat',
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 0,
  expireInSeconds: 60,
  batchSize: 1,
  async handle() {
    await db.rawQuery(
      `insert into kernel_heartbeats (name, beat_at) values ('cron', now())
       on conflict (name) do update set beat_at = excluded.beat_at`
    )
    await db
      .from('kernel_worker_heartbeats')
      .where('beat_at', '<', db.raw(`now() - interval '${WORKER_ROW_RETENTION_DAYS} days'`))
      .delete()
  },
})
