import router from '@adonisjs/core/services/router'
import { apiRoutes, consolePages, middleware } from '#start/kernel'

const AuditEventsController = () => import('#platform/controllers/audit_events_controller')
const ApiAuditEventsController = () => import('#platform/controllers/api/audit_events_controller')

/* Console: the audit log and its CSV export. */
router
  .group(() => {
    router.get('/admin/audit', [AuditEventsController, 'index'])
    router.get('/admin/audit/export.csv', [AuditEventsController, 'export'])
  })
  .use([...consolePages(), middleware.consoleAuth()])

/* REST API. */
router
  .group(() => {
    router.get('/audit-events', [ApiAuditEventsController, 'index'])
  })
  .prefix('/api/v1')
  .use(apiRoutes())
