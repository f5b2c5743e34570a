import { AppError } from '#kernel/index'
import type { PhiSpan, PhiType } from '#privacy/phi_types'
import { createDeidentifyScope, type DeidentifyScope } from '#privacy/deidentify/deidentify_scope'
import { maskValue } from '#privacy/deidentify/mask'
import { surrogateFor } from '#privacy/deidentify/surrogate'
import { tokenFor } from '#privacy/deidentify/tokenize'

export const DEIDENTIFY_OPERATORS = ['redact', 'mask', 'tokenize', 'surrogate'] as const
export type DeidentifyOperator = (typeof DEIDENTIFY_OPERATORS)[number]

/** One span of PHI and what replaced it; offsets are those of the input text. */
export interface Replacement {
  start: number
  end: number
  type: PhiType
  original: string
  replacement: string
}

export interface DeidentifyResult {
  text: string
  replacements: Replacement[]
  /** The scope used (the one passed in, updated, or a new one). */
  scope: DeidentifyScope
}

/** 422 PHI_UNKNOWN_OPERATOR unless the value names an operator. */
export function assertDeidentifyOperator(value: unknown): asserts value is DeidentifyOperator {
  if (!isDeidentifyOperator(value)) {
    throw AppError.unprocessable('PHI_UNKNOWN_OPERATOR', `Unknown operator; use one of ${DEIDENTIFY_OPERATORS.join(', ')}`, {
      operators: DEIDENTIFY_OPERATORS,
    })
  }
}

export function isDeidentifyOperator(value: unknown): value is DeidentifyOperator {
  return (DEIDENTIFY_OPERATORS as readonly unknown[]).includes(value)
}

/**
 * Replaces every span of `text`:
 * - `redact`: `[REDACTED]`;
 * - `mask`: each letter and digit by `*` (`555-0142` → `***-****`);
 * - `tokenize`: `[NAME_1]`, `[DATE_2]`..., the same for the same entity within the scope;
 * - `surrogate`: realistic fake values, consistent per entity; dates shifted by the scope's one offset.
 * Spans must not overlap. Pass the same scope for every document of one patient or encounter.
 */
export function deidentify(
  text: string,
  spans: readonly PhiSpan[],
  options: { operator: string; scope?: DeidentifyScope }
): DeidentifyResult {
  const operator = options.operator
  assertDeidentifyOperator(operator)
  const scope = options.scope ?? createDeidentifyScope()
  const ordered = [...spans].sort((a, b) => a.start - b.start)

  const parts: string[] = []
  const replacements: Replacement[] = []
  let cursor = 0
  for (const span of ordered) {
    if (span.start < cursor || span.end > text.length || span.start >= span.end) {
      throw new Error('deidentify: spans must be non-empty, inside the text and must not overlap')
    }
    const original = text.slice(span.start, span.end)
    const replacement = replace(operator, scope, span.type, original)
    parts.push(text.slice(cursor, span.start), replacement)
    replacements.push({ start: span.start, end: span.end, type: span.type, original, replacement })
    cursor = span.end
  }
  parts.push(text.slice(cursor))
  return { text: parts.join(''), replacements, scope }
}

function replace(operator: DeidentifyOperator, scope: DeidentifyScope, type: PhiType, original: string): string {
  switch (operator) {
    case 'redact':
      return '[REDACTED]'
    case 'mask':
      return maskValue(original)
    case 'tokenize':
      return tokenFor(scope, type, original)
    case 'surrogate':
      return surrogateFor(scope, type, original)
  }
}
