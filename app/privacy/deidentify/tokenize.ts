import type { PhiType } from '#privacy/phi_types'
import { entityKey, type DeidentifyScope } from '#privacy/deidentify/deidentify_scope'

/** `[TYPE_n]`, the same for the same entity within the scope. */
export function tokenFor(scope: DeidentifyScope, type: PhiType, original: string): string {
  const key = entityKey(type, original)
  const known = scope.tokens[key]
  if (known) return known
  const count = (scope.tokenCounts[type] ?? 0) + 1
  scope.tokenCounts[type] = count
  const token = `[${type}_${count}]`
  scope.tokens[key] = token
  return token
}
