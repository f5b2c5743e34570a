import router from '@adonisjs/core/services/router'
import { apiRoutes, consolePages, middleware } from '#start/kernel'

/*
| Administration of users, memberships, clinics and API keys: console pages
| under /admin and the same operations as JSON under /api/v1. Both call the
| same services, so the rules (permissions, tenant scope, audit) are one.
*/
const UsersController = () => import('#identity/controllers/users_controller')
const MembershipsController = () => import('#identity/controllers/memberships_controller')
const ClinicsController = () => import('#identity/controllers/clinics_controller')
const ApiKeysController = () => import('#identity/controllers/api_keys_controller')
const ApiUsersController = () => import('#identity/controllers/api/users_controller')
const ApiMembershipsController = () => import('#identity/controllers/api/memberships_controller')
const ApiClinicsController = () => import('#identity/controllers/api/clinics_controller')
const ApiApiKeysController = () => import('#identity/controllers/api/api_keys_controller')

/* Console. */
router
  .group(() => {
    router.get('/admin/users', [UsersController, 'index'])
    router.get('/admin/users/create', [UsersController, 'create'])
    router.post('/admin/users', [UsersController, 'store'])
    router.get('/admin/users/:id/edit', [UsersController, 'edit'])
    router.put('/admin/users/:id', [UsersController, 'update'])
    router.post('/admin/users/:id/disable', [UsersController, 'disable'])
    router.post('/admin/users/:id/enable', [UsersController, 'enable'])
    router.post('/admin/users/:id/unlock', [UsersController, 'unlock'])
    router.post('/admin/users/:id/password', [UsersController, 'resetPassword'])

    router.post('/admin/users/:id/memberships', [MembershipsController, 'store'])
    router.put('/admin/users/:id/memberships/:membershipId', [MembershipsController, 'update'])
    router.delete('/admin/users/:id/memberships/:membershipId', [MembershipsController, 'destroy'])

    router.get('/admin/clinics', [ClinicsController, 'index'])
    router.post('/admin/clinics', [ClinicsController, 'store'])
    router.get('/admin/clinics/:id/edit', [ClinicsController, 'edit'])
    router.put('/admin/clinics/:id', [ClinicsController, 'update'])

    router.get('/admin/api-keys', [ApiKeysController, 'index'])
    router.post('/admin/api-keys', [ApiKeysController, 'store'])
    router.post('/admin/api-keys/:id/revoke', [ApiKeysController, 'destroy'])
  })
  .use([...consolePages(), middleware.consoleAuth()])

/* REST API. */
router
  .group(() => {
    router.get('/users', [ApiUsersController, 'index'])
    router.post('/users', [ApiUsersController, 'store'])
    router.get('/users/:id', [ApiUsersController, 'show'])
    router.patch('/users/:id', [ApiUsersController, 'update'])
    router.post('/users/:id/disable', [ApiUsersController, 'disable'])
    router.post('/users/:id/enable', [ApiUsersController, 'enable'])
    router.post('/users/:id/unlock', [ApiUsersController, 'unlock'])
    router.post('/users/:id/password', [ApiUsersController, 'resetPassword'])

    router.post('/users/:id/memberships', [ApiMembershipsController, 'store'])
    router.patch('/users/:id/memberships/:membershipId', [ApiMembershipsController, 'update'])
    router.delete('/users/:id/memberships/:membershipId', [ApiMembershipsController, 'destroy'])

    router.get('/clinics', [ApiClinicsController, 'index'])
    router.post('/clinics', [ApiClinicsController, 'store'])
    router.get('/clinics/:id', [ApiClinicsController, 'show'])
    router.patch('/clinics/:id', [ApiClinicsController, 'update'])

    router.get('/api-keys', [ApiApiKeysController, 'index'])
    router.post('/api-keys', [ApiApiKeysController, 'store'])
    router.delete('/api-keys/:id', [ApiApiKeysController, 'destroy'])
  })
  .prefix('/api/v1')
  .use(apiRoutes())
