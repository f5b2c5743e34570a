import type { PhiSpan } from '#privacy/phi_types'

/**
 * Spans with Unicode code-point offsets instead of JavaScript string
 * indexes (the phi:scan contract). Equal for text without astral characters.
 */
export function toCodePointOffsets(text: string, spans: PhiSpan[]): PhiSpan[] {
  const codePointAt = new Int32Array(text.length + 1)
  let codePoints = 0
  for (let index = 0; index < text.length; index++) {
    codePointAt[index] = codePoints
    const code = text.charCodeAt(index)
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length
    if (isHighSurrogate) codePointAt[++index] = codePoints
    codePoints++
  }
  codePointAt[text.length] = codePoints
  return spans.map((span) => ({ ...span, start: codePointAt[span.start], end: codePointAt[span.end] }))
}
