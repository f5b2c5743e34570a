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

/*
| No router-wide middleware: health checks run none at all. Console routes
| use consolePages(), REST routes apiRoutes().
*/


export const middleware = router.named({
  bodyparser: () => import('@adonisjs/core/bodyparser_middleware'),
  auth: () => import('@adonisjs/auth/initialize_auth_middleware'),
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  inertia: () => import('#platform/http/inertia_middleware'),
  consoleAuth: () => import('#identity/middleware/console_auth_middleware'),
  apiAuth: () => import('#identity/middleware/api_auth_middleware'),
  can: () => import('#identity/middleware/can_middleware'),
})

/**
 * What every console page and form needs: the body, the session, CSRF
 * protection and security headers, auth, Inertia. Add consoleAuth for pages
 * that need a login.
 */
export const consolePages = () => [
  middleware.bodyparser(),
  middleware.session(),
  middleware.shield(),
  middleware.auth(),
  middleware.inertia(),
]

/** The REST API: the body, then a personal access token or an integration key. Stateless: no session. */
export const apiRoutes = () => [middleware.bodyparser(), middleware.auth(), middleware.apiAuth()]
