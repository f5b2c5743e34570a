import router from '@adonisjs/core/services/router'
import { apiRoutes, consolePages, middleware } from '#start/kernel'

const SessionController = () => import('#identity/controllers/session_controller')
const SetupController = () => import('#identity/controllers/setup_controller')
const TwoFactorController = () => import('#identity/controllers/two_factor_controller')
const AccountController = () => import('#identity/controllers/account_controller')
const AccessTokensController = () => import('#identity/controllers/access_tokens_controller')
const ClinicSwitchController = () => import('#identity/controllers/clinic_switch_controller')
const DashboardController = () => import('#identity/controllers/dashboard_controller')

/* Guests: first run, sign-in and its 2FA step. Sign-out works from any state. */
router
  .group(() => {
    router.get('/setup', [SetupController, 'show'])
    router.post('/setup', [SetupController, 'store'])
    router.get('/login', [SessionController, 'create'])
    router.post('/login', [SessionController, 'store'])
    router.get('/login/two-factor', [TwoFactorController, 'challenge'])
    router.post('/login/two-factor', [TwoFactorController, 'verify'])
    router.post('/logout', [SessionController, 'destroy'])
  })
  .use(consolePages())

/* Signed-in console pages. */
router
  .group(() => {
    router.get('/dashboard', [DashboardController, 'show'])
    router.get('/account', [AccountController, 'show'])
    router.post('/account/password', [AccountController, 'updatePassword'])
    router.get('/account/two-factor', [TwoFactorController, 'show'])
    router.post('/account/two-factor/enable', [TwoFactorController, 'enable'])
    router.post('/account/two-factor/disable', [TwoFactorController, 'disable'])
    router.post('/account/tokens', [AccessTokensController, 'store'])
    router.delete('/account/tokens/:id', [AccessTokensController, 'destroy'])
    router.post('/session/clinic', [ClinicSwitchController, 'store'])
  })
  .use([...consolePages(), middleware.consoleAuth()])

/* The REST API: a personal access token manages its user's tokens. */
router
  .group(() => {
    router.get('/me/tokens', [AccessTokensController, 'apiIndex'])
    router.post('/me/tokens', [AccessTokensController, 'apiStore'])
    router.delete('/me/tokens/:id', [AccessTokensController, 'apiDestroy'])
  })
  .prefix('/api/v1')
  .use(apiRoutes())
