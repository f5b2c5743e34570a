import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Echoes the request id to the client and writes one structured log line per
 * request once the response is sent. The context logger already carries the
 * request id. Only the method, the path without its query string, the status
 * and the duration are logged: never bodies, query strings or headers, which
 * may hold PHI or credentials.
 */
export default class RequestLoggerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const startedAt = process.hrtime.bigint()
    const requestId = ctx.request.id()
    if (requestId) ctx.response.header('X-Request-Id', requestId)

    ctx.response.response.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6
      ctx.logger.info(
        {
          method: ctx.request.method(),
          path: ctx.request.url(),
          status: ctx.response.response.statusCode,
          duration_ms: Math.round(durationMs * 100) / 100,
        },
        'http request'
      )
    })
    return next()
  }
}
