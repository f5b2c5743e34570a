import router from '@adonisjs/core/services/router'
import { apiRoutes, consolePages, middleware } from '#start/kernel'

const PhiController = () => import('#privacy/controllers/api/phi_controller')
const PhiCheckController = () => import('#privacy/controllers/phi_check_controller')

/* REST. */
router
  .group(() => {
    router.post('/phi/detect', [PhiController, 'detect']).use(middleware.can({ permission: 'phi.detect' })).as('api.phi.detect')
    router.post('/phi/deidentify', [PhiController, 'deidentify']).use(middleware.can({ permission: 'phi.detect' })).as('api.phi.deidentify')
    router.post('/phi/reidentify', [PhiController, 'reidentify']).use(middleware.can({ permission: 'phi.reidentify' })).as('api.phi.reidentify')
  })
  .prefix('/api/v1')
  .use(apiRoutes())

/* Console: the PHI check page and the JSON actions it posts to. */
router
  .group(() => {
    router.get('/phi', [PhiCheckController, 'show']).use(middleware.can({ permission: 'phi.detect' }))
    router.post('/phi/detect', [PhiController, 'detect']).use(middleware.can({ permission: 'phi.detect' }))
    router.post('/phi/deidentify', [PhiController, 'deidentify']).use(middleware.can({ permission: 'phi.detect' }))
    router.post('/phi/reidentify', [PhiController, 'reidentify']).use(middleware.can({ permission: 'phi.reidentify' }))
  })
  .use([...consolePages(), middleware.consoleAuth()])
