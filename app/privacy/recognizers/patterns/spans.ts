import type { PhiSpan, PhiType } from '#privacy/phi_types'

/** Builds a span over `text.slice(start, end)`. */
export function makeSpan(text: string, start: number, end: number, type: PhiType, score: number, source: string): PhiSpan {
  return { start, end, type, text: text.slice(start, end), score, source }
}

/** Up to `length` characters ending at `index`. */
export function textBefore(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index)
}

/** Up to `length` characters starting at `index`. */
export function textAfter(text: string, index: number, length: number): string {
  return text.slice(index, index + length)
}

/** Drops spans lying inside another span of the same type (keeps the longer one). */
export function dropContained(spans: PhiSpan[]): PhiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PhiSpan[] = []
  // Kept spans all start at or before the current one: it lies inside one of them when their furthest end reaches its end.
  const furthestEnd = new Map<PhiType, number>()
  for (const span of sorted) {
    if ((furthestEnd.get(span.type) ?? -1) >= span.end) continue
    kept.push(span)
    furthestEnd.set(span.type, Math.max(furthestEnd.get(span.type) ?? -1, span.end))
  }
  return kept
}
