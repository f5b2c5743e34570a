/*
| The kernel's public surface. Other modules import only from here.
*/
export { AppError } from '#kernel/errors/app_error'
export { ValidationError, type ValidationIssue } from '#kernel/validation/validation_error'
export { validateRequest } from '#kernel/validation/validate_request'
export { clock } from '#kernel/clock'
export { appVersion } from '#kernel/app_version'
export { databaseUrl, databaseMode, type DatabaseMode } from '#kernel/database/database_url'
export { defineJob, deadLetterQueueOf, type JobDefinition, type JobContext } from '#kernel/jobs/job_definition'
export { jobRegistry } from '#kernel/jobs/job_registry'
export { JobQueue, type DispatchOptions, type JobSummary } from '#kernel/jobs/job_queue'
export { default as jobQueue } from '#kernel/services/job_queue'
export { JobPayloadError } from '#kernel/jobs/job_payload_error'
export { Worker } from '#kernel/jobs/worker'
export { systemPingJob } from '#kernel/jobs/system_ping_job'
export { systemHeartbeatJob } from '#kernel/jobs/system_heartbeat_job'
export { getWorkerStatus, type WorkerStatus } from '#kernel/services/get_worker_status'
