import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { auditEventQuerySchema, listAuditEvents } from '#audit/index'
import { authorize } from '#identity/index'
import { auditReadScope } from '#platform/policies/audit_read_scope'

/** `GET /api/v1/audit-events`: the audit log, filtered and paginated, newest first, as `{data, meta}`. */
export default class ApiAuditEventsController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'audit.read')
    const { query } = validateRequest(ctx, { query: auditEventQuerySchema })
    return listAuditEvents(query, auditReadScope(ctx))
  }
}
