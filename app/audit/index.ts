/*
| The audit module's public surface: record events, verify the chain, read
| the log. Other modules record their own events through recordAuditEvent.
*/
export { recordAuditEvent } from '#audit/services/record_audit_event'
export { verifyAuditChainJob } from '#audit/jobs/verify_audit_chain_job'
export { verifyAuditChain, latestAuditVerification, type AuditChainVerification } from '#audit/services/verify_audit_chain'
export { SYSTEM_ACTOR, type AuditActor, type AuditContext, type AuditEventInput, type AuditOutcome } from '#audit/services/audit_event_input'
export {
  listAuditEvents,
  auditEventQuerySchema,
  type AuditEventQuery,
  type AuditEventFilters,
  type AuditEventView,
  type AuditEventPage,
  type AuditReadScope,
} from '#audit/services/list_audit_events'
export { exportAuditEventsCsv, AUDIT_EXPORT_MAX_ROWS, type AuditExport } from '#audit/services/export_audit_events_csv'
