import router from '@adonisjs/core/services/router'
import { consolePages, middleware } from '#start/kernel'

/* Console: the model registry. */
const ModelsController = () => import('#ai/controllers/models_controller')

router
  .group(() => {
    router.get('/admin/models', [ModelsController, 'index'])
    router.post('/admin/models', [ModelsController, 'store'])
    router.post('/admin/models/verify', [ModelsController, 'verify'])
    router.post('/admin/models/tasks', [ModelsController, 'assign'])
    router.post('/admin/models/:id/verify', [ModelsController, 'verifyOne'])
    router.delete('/admin/models/:id', [ModelsController, 'destroy'])
  })
  .use([...consolePages(), middleware.consoleAuth()])
