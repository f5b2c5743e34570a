export interface ValidationIssue {
  /** Where the field came from: body, query or params. */
  location: 'body' | 'query' | 'params'
  /** Dotted path to the field, e.g. `items.0.code`; empty for the whole input. */
  field: string
  /** Zod's issue code, e.g. `invalid_type`, `unrecognized_keys`, `too_big`. */
  rule: string
  message: string
}

/** Thrown when request input fails its zod schema; rendered as 422 VALIDATION_FAILED. */
export class ValidationError extends Error {
  readonly issues: ValidationIssue[]

  constructor(issues: ValidationIssue[]) {
    super('The request input is invalid')
    this.name = 'ValidationError'
    this.issues = issues
  }
}
