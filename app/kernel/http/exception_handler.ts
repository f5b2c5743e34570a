import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { errors as httpErrors, ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { toErrorBody } from '#kernel/errors/error_body'
import { AppError } from '#kernel/errors/app_error'
import { ValidationError } from '#kernel/validation/validation_error'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

/**
 * Every error under /api (and every request that asks for JSON) is rendered
 * as `{"error":{"code","message","details"}}` with no stack trace. Console
 * pages keep Adonis's HTML rendering, which hides details in production.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  async handle(error: unknown, ctx: HttpContext) {
    if (this.#isConsoleForm(ctx) && (error instanceof ValidationError || (error instanceof AppError && error.status < 500))) {
      return this.#backToForm(error, ctx)
    }
    if (!this.#wantsJson(ctx)) return super.handle(error, ctx)

    const rendered = toErrorBody(error)
    if (error instanceof httpErrors.E_ROUTE_NOT_FOUND) {
      const allowed = this.#allowedMethods(ctx)
      if (allowed.length > 0) {
        ctx.response.header('Allow', allowed.join(', '))
        rendered.status = 405
        rendered.body.error.code = 'METHOD_NOT_ALLOWED'
        rendered.body.error.message = `This path does not accept ${ctx.request.method()}`
        rendered.body.error.details = { allowed }
      }
    }
    if (rendered.status === 429) {
      // @adonisjs/limiter's ThrottleException says when the next request is allowed.
      const availableIn = (error as { response?: { availableIn?: unknown } }).response?.availableIn
      ctx.response.header('Retry-After', String(typeof availableIn === 'number' ? Math.max(1, Math.ceil(availableIn)) : 60))
    }
    return ctx.response.status(rendered.status).json(rendered.body)
  }

  /**
   * Logs server errors only, with name, message and stack. The raw error is
   * never logged: framework errors can carry the request body (PHI).
   */
  async report(error: unknown, ctx: HttpContext) {
    if (toErrorBody(error).status < 500) return
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error))
    ctx.logger.error({ err: { name, message, stack } }, 'request failed')
  }

  /** A console page submitting a form (Inertia visit or plain form post); a console fetch asking for JSON gets JSON. */
  #isConsoleForm(ctx: HttpContext) {
    const fetchWantsJson = !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
    return !ctx.request.url().startsWith('/api/') && ctx.request.method() !== 'GET' && 'session' in ctx && !fetchWantsJson
  }

  /**
   * Console forms get their errors the Inertia way: field errors flashed as
   * `inputErrorsBag` (the page's `errors` prop), other errors as a flash
   * message, then a redirect back to the form. Nothing was changed.
   */
  #backToForm(error: ValidationError | AppError, ctx: HttpContext) {
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {}
      for (const issue of error.issues) fieldErrors[issue.field || 'form'] ??= issue.message
      ctx.session.flash('inputErrorsBag', fieldErrors)
    } else {
      ctx.session.flash('error', error.message)
      ctx.session.flash('errorCode', error.code ?? 'ERROR')
    }
    return ctx.response.redirect().back()
  }

  #wantsJson(ctx: HttpContext) {
    return ctx.request.url().startsWith('/api/') || ctx.request.url().startsWith('/health') || ctx.request.accepts(['html', 'json']) === 'json'
  }

  #allowedMethods(ctx: HttpContext): string[] {
    const url = ctx.request.url()
    return METHODS.filter((method) => method !== ctx.request.method() && router.match(url, method, false) !== null)
  }
}
