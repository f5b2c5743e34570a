import { HealthChecks } from '@adonisjs/core/health'
import storageConfig from '#config/storage'
import { appVersion, databaseMode, type DatabaseMode } from '#kernel/index'
import { DatabaseCheck } from '#platform/health/database_check'
import { PgvectorCheck } from '#platform/health/pgvector_check'
import { WorkerCheck } from '#platform/health/worker_check'
import { StorageCheck } from '#platform/health/storage_check'
import { ModelsFolderCheck } from '#platform/health/models_folder_check'

export type CheckStatus = 'ok' | 'warning' | 'error'

export type Readiness = {
  /** `error` when any check failed; then the endpoint answers 503. */
  status: CheckStatus
  version: string
  /** `embedded`: PGlite inside the appliance process; `server`: the PostgreSQL server of DATABASE_URL. */
  mode: DatabaseMode
  checkedAt: string
  checks: Record<string, { status: CheckStatus; message: string; meta: Record<string, string | number | boolean | null> }>
}

const readinessChecks = new HealthChecks().register([
  new DatabaseCheck(),
  new PgvectorCheck(),
  new WorkerCheck(),
  new StorageCheck(storageConfig.storagePath),
  new ModelsFolderCheck(storageConfig.modelsPath),
])

let inFlight: Promise<Readiness> | undefined

/**
 * Runs every readiness check. Requests that arrive while a run is in flight
 * share its result, so a burst of probes costs one run, never a stale one.
 */
export function getReadiness(): Promise<Readiness> {
  inFlight ??= runChecks().finally(() => {
    inFlight = undefined
  })
  return inFlight
}

/** Failures carry a message only, never an error object. */
async function runChecks(): Promise<Readiness> {
  const report = await readinessChecks.run()
  const checks: Readiness['checks'] = {}
  for (const check of report.checks) {
    const { error: _error, ...meta } = check.meta ?? {}
    checks[check.name] = { status: check.status, message: check.message, meta }
  }
  return {
    status: report.status,
    version: appVersion,
    mode: databaseMode(),
    checkedAt: report.finishedAt.toISOString(),
    checks,
  }
}
