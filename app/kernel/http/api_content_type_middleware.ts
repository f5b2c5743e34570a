import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppError } from '#kernel/errors/app_error'

/** Content types the REST API accepts for request bodies. */
const ACCEPTED_TYPES = ['json', 'application/fhir+json', 'multipart/form-data']

/**
 * Rejects /api requests that carry a body in a content type the API does
 * not speak with 415, before the body is read. Requests without a body, or
 * with an empty one (a bodyless POST action), pass through.
 */
export default class ApiContentTypeMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const emptyBody = ctx.request.header('content-length') === '0'
    if (ctx.request.url().startsWith('/api/') && ctx.request.hasBody() && !emptyBody) {
      if (ctx.request.is(ACCEPTED_TYPES) === null) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json', 415, {
          accepted: ['application/json', 'application/fhir+json', 'multipart/form-data'],
        })
      }
    }
    return next()
  }
}
