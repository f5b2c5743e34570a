import type { HttpContext } from '@adonisjs/core/http'
import type { z } from 'zod'
import { AppError, validateRequest, ValidationError } from '#kernel/index'

/**
 * A console list page's query, or null after flashing what was wrong: a GET
 * with bad paging or filters goes back to the plain list with an error
 * instead of an error page.
 */
export function consoleListQuery<S extends z.ZodType>(ctx: HttpContext, schema: S): z.output<S> | null {
  try {
    return validateRequest(ctx, { query: schema }).query
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const fields = [...new Set(error.issues.map((issue) => issue.field || 'query'))].join(', ')
    ctx.session.flash('error', `The list filters are invalid (${fields}); showing the whole list.`)
    return null
  }
}

/** A console page's route parameters; a malformed id is a page that does not exist (404). */
export function consolePageParams<S extends z.ZodType>(ctx: HttpContext, schema: S): z.output<S> {
  try {
    return validateRequest(ctx, { params: schema }).params
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    throw AppError.notFound('NOT_FOUND', 'No such page')
  }
}
