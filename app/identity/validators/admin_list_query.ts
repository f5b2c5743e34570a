import { z } from 'zod'

/** An empty query-string value (`?q=`) counts as absent. */
export const blankToUndefined = (value: unknown) => (value === '' ? undefined : value)

/** `?page=&perPage=&q=`: the paging and free-text search every admin list accepts. */
export const adminListQuery = {
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  perPage: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(25)),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
}

/**
 * The message for a required field that arrived empty or not at all. Empty
 * form fields arrive as null (the body parser converts them), so "missing"
 * reads as required rather than as a type error.
 */
export const requiredMessage = (issue: { input?: unknown }) =>
  issue.input === null || issue.input === undefined ? 'This field is required' : undefined

/** A required text field. */
export const requiredText = () => z.string({ error: requiredMessage })

/** `:id` route parameters: a positive 32-bit integer. */
export const idParam = z.coerce.number().int().min(1).max(2_147_483_647)
