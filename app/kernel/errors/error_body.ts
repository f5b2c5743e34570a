import { errors as httpErrors } from '@adonisjs/core/http'
import { AppError } from '#kernel/errors/app_error'
import { ValidationError } from '#kernel/validation/validation_error'

export interface ErrorBody {
  status: number
  headers?: Record<string, string>
  body: { error: { code: string; message: string; details: unknown } }
}

function body(status: number, code: string, message: string, details: unknown = null): ErrorBody {
  return { status, body: { error: { code, message, details } } }
}

/**
 * Maps any thrown value to the public error contract. Unknown errors and
 * every 5xx become a generic INTERNAL_ERROR: no stack, no internal message.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ValidationError) {
    return body(422, 'VALIDATION_FAILED', error.message, error.issues)
  }
  if (error instanceof AppError) {
    return body(error.status, error.code ?? 'ERROR', error.message, error.details ?? null)
  }
  if (error instanceof httpErrors.E_ROUTE_NOT_FOUND) {
    return body(404, 'ROUTE_NOT_FOUND', 'No route matches this method and path')
  }

  const candidate = error as { status?: unknown; code?: unknown; message?: unknown }
  const status = typeof candidate.status === 'number' ? candidate.status : 500

  if (status === 400 && error instanceof SyntaxError) {
    return body(400, 'MALFORMED_JSON', 'The request body is not valid JSON')
  }
  if (status === 413) {
    return body(413, 'PAYLOAD_TOO_LARGE', 'The request body exceeds the size limit')
  }
  if (status === 415) {
    return body(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request content type is not supported')
  }
  if (status >= 400 && status < 500) {
    // Framework errors (E_SOMETHING) keep a stable code without the prefix.
    const code = typeof candidate.code === 'string' ? candidate.code.replace(/^E_/, '') : 'BAD_REQUEST'
    const message = typeof candidate.message === 'string' ? candidate.message : 'Bad request'
    return body(status, code, message)
  }
  return body(500, 'INTERNAL_ERROR', 'An unexpected error occurred. The request id identifies it in the server logs.')
}
