import '#platform/http/inertia_pages'
import type { HttpContext } from '@adonisjs/core/http'
import { clock, validateRequest, ValidationError } from '#kernel/index'
import { auditEventQuerySchema, exportAuditEventsCsv, listAuditEvents, type AuditEventQuery } from '#audit/index'
import { auditContext, authorize } from '#identity/index'
import { auditReadScope } from '#platform/policies/audit_read_scope'
import type { AuditLogFilterValues } from '#platform/http/inertia_pages'

/**
 * The console's audit log: a filtered, paginated view (reading it is not
 * audited: it would drown the log) and a CSV export (which is).
 */
export default class AuditEventsController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'audit.read')
    const query = this.#query(ctx)
    if (!query) return ctx.response.redirect('/admin/audit')

    const scope = auditReadScope(ctx)
    return ctx.inertia.render('platform/audit/index', {
      events: await listAuditEvents(query, scope),
      filters: filterValues(query),
      scope: scope.clinicId === null ? 'all' : 'clinic',
      canExport: ctx.actor.permissions.has('audit.export'),
    })
  }

  async export(ctx: HttpContext) {
    authorize(ctx, 'audit.export')
    const query = this.#query(ctx)
    if (!query) return ctx.response.redirect('/admin/audit')

    const { page: _page, perPage: _perPage, ...filters } = query
    const result = await exportAuditEventsCsv({ filters, scope: auditReadScope(ctx), context: auditContext(ctx) })
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', `attachment; filename="audit-${clock.now().toISODate()}.csv"`)
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.header('X-Audit-Row-Count', String(result.rowCount))
    if (result.truncated) ctx.response.header('X-Audit-Truncated', 'true')
    return ctx.response.stream(result.stream)
  }

  /**
   * The validated query, or null after flashing what was wrong: a console
   * GET with bad filters goes back to the unfiltered log with an error.
   */
  #query(ctx: HttpContext): AuditEventQuery | null {
    try {
      return validateRequest(ctx, { query: auditEventQuerySchema }).query
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const fields = [...new Set(error.issues.map((issue) => issue.field || 'query'))].join(', ')
      ctx.session.flash('error', `The audit log filters are invalid (${fields}); showing the unfiltered log.`)
      return null
    }
  }
}

function filterValues(query: AuditEventQuery): AuditLogFilterValues {
  return {
    actor: query.actor ?? '',
    action: query.action ?? '',
    resourceType: query.resourceType ?? '',
    resourceId: query.resourceId ?? '',
    clinicId: query.clinicId === undefined ? '' : String(query.clinicId),
    outcome: query.outcome ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    perPage: String(query.perPage),
  }
}
