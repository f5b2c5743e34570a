/*
| HTTP middleware.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#kernel/http/exception_handler'))

/* Runs on every request, even without a matching route. */
server.use([
  () => import('#kernel/http/request_logger_middleware'),
  () => import('#kernel/http/api_content_type_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

/* Runs on requests with a matching route. */
router.use([() => import('@adonisjs/core/bodyparser_middleware'), () => import('@adonisjs/auth/initialize_auth_middleware')])

/* Assigned to routes: console pages need a login, the REST API a token or key. */
export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  inertia: () => import('#platform/http/inertia_middleware'),
  consoleAuth: () => import('#identity/middleware/console_auth_middleware'),
  apiAuth: () => import('#identity/middleware/api_auth_middleware'),
})

/**
 * What every console page and form needs: the session, CSRF protection and
 * security headers, Inertia. Health checks and the token-authenticated REST
 * API stay stateless: no session is read or written for them.
 */
export const consolePages = () => [middleware.session(), middleware.shield(), middleware.inertia()]
