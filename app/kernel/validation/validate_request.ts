import type { HttpContext } from '@adonisjs/core/http'
import type { z } from 'zod'
import { ValidationError, type ValidationIssue } from '#kernel/validation/validation_error'

type Location = 'body' | 'query' | 'params'

interface RequestSchemas {
  body?: z.ZodType
  query?: z.ZodType
  params?: z.ZodType
}

type Validated<S extends RequestSchemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never
}

/**
 * Validates the parts of a request against zod schemas and returns the
 * parsed values. All issues from every part are collected into one
 * ValidationError (422). Use `z.strictObject` so unknown fields are rejected.
 */
export function validateRequest<S extends RequestSchemas>(ctx: HttpContext, schemas: S): Validated<S> {
  const sources: Record<Location, unknown> = {
    body: ctx.request.body(),
    query: ctx.request.qs(),
    params: ctx.params,
  }
  const issues: ValidationIssue[] = []
  const output: Record<string, unknown> = {}

  for (const location of ['body', 'query', 'params'] as const) {
    const schema = schemas[location]
    if (!schema) continue
    const result = schema.safeParse(sources[location])
    if (result.success) {
      output[location] = result.data
    } else {
      for (const issue of result.error.issues) {
        issues.push({ location, field: issue.path.join('.'), rule: issue.code, message: issue.message })
      }
    }
  }

  if (issues.length > 0) throw new ValidationError(issues)
  return output as Validated<S>
}
