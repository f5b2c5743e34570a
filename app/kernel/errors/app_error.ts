import { Exception } from '@adonisjs/core/exceptions'

/**
 * An error meant for the caller: it carries a stable machine-readable code,
 * an HTTP status and optional details, and is rendered as
 * `{"error":{"code","message","details"}}` by the exception handler.
 * Messages and details must never contain PHI or internals.
 */
export class AppError extends Exception {
  readonly details: unknown

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message, { code, status })
    this.details = details
  }

  static badRequest(code: string, message: string, details?: unknown) {
    return new AppError(code, message, 400, details)
  }

  static notFound(code: string, message: string, details?: unknown) {
    return new AppError(code, message, 404, details)
  }

  static conflict(code: string, message: string, details?: unknown) {
    return new AppError(code, message, 409, details)
  }

  static unprocessable(code: string, message: string, details?: unknown) {
    return new AppError(code, message, 422, details)
  }

  static unavailable(code: string, message: string, details?: unknown) {
    return new AppError(code, message, 503, details)
  }
}
