import router from '@adonisjs/core/services/router'
import { apiRoutes, consolePages } from '#start/kernel'
import '#platform/routes/audit_routes'

const HealthController = () => import('#platform/controllers/health_controller')
const StatusPageController = () => import('#platform/controllers/status_page_controller')
const SystemPingsController = () => import('#platform/controllers/system_pings_controller')

router.get('/health', [HealthController, 'live'])
router.get('/health/ready', [HealthController, 'ready'])
router.get('/', [StatusPageController, 'show']).use(consolePages())

router
  .group(() => {
    router.post('/system/pings', [SystemPingsController, 'store'])
    router.get('/system/pings/:id', [SystemPingsController, 'show'])
  })
  .prefix('/api/v1')
  .use(apiRoutes())
