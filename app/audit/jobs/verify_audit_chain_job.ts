import { z } from 'zod'
import { defineJob } from '#kernel/index'
import { verifyAuditChain } from '#audit/services/verify_audit_chain'

/**
 * Verifies the audit hash chain every night at 02:15 UTC, so the console's
 * "last verified" is never old. Idempotent: each run only appends a result.
 */
export const verifyAuditChainJob = defineJob({
  queue: 'audit.verify_chain',
  payload: z.object({}),
  cron: '15 2 * * *',
  retryLimit: 1,
  expireInSeconds: 30 * 60,
  batchSize: 1,
  async handle() {
    const result = await verifyAuditChain()
    return { intact: result.intact, checkedEvents: result.checkedEvents, firstBrokenEventId: result.firstBrokenEventId }
  },
})
