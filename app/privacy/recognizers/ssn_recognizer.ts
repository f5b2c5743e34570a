import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:ssn'
/** 123-45-6789 or 123 45 6789 (one separator style). */
const GROUPED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g
/** A masked SSN that still shows digits: xxx-xx-3381, ***-**-1234. */
const MASKED = /(?<![\w*-])[xX*#]{3}-[xX*#]{2}-(\d{4})(?![\w-])/g
/** Nine digits, or a last-four, right after an SSN cue. */
const AFTER_CUE = /(?<![\w-])(\d{9}|\d{4})(?![\w-])/g
const SSN_CUE = /\b(?:SSN|SS#|SS #|SS No\.?|soc(?:ial)? sec(?:urity)?(?: number| no\.?| #)?|social)\b(?:[\s:#]|no\.?|number|last 4|last four|ending in|ending)*$/i

/**
 * US Social Security numbers. Valid numbers (area not 000, 666 or 9xx, group
 * not 00, serial not 0000) score high; a number labelled "SSN" is PHI even
 * when invalid, as are masked forms that keep digits.
 */
export class SsnRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const add = (start: number, end: number, score: number) => spans.push(makeSpan(text, start, end, 'SSN', score, SOURCE))

    for (const match of text.matchAll(GROUPED)) {
      const cue = hasCue(text, match.index)
      const valid = isValidSsn(match[1], match[3], match[4])
      const dashed = match[2] === '-'
      if (!valid && !cue) continue
      if (!dashed && !cue) {
        add(match.index, match.index + match[0].length, 0.6)
        continue
      }
      add(match.index, match.index + match[0].length, valid ? 0.95 : 0.8)
    }
    for (const match of text.matchAll(MASKED)) add(match.index, match.index + match[0].length, 0.9)
    for (const match of text.matchAll(AFTER_CUE)) {
      if (!hasCue(text, match.index)) continue
      const digits = match[1]
      const valid = digits.length === 9 && isValidSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))
      add(match.index, match.index + digits.length, valid ? 0.95 : 0.8)
    }
    return dropContained(spans)
  }
}

function hasCue(text: string, start: number): boolean {
  return SSN_CUE.test(textBefore(text, start, 30))
}

function isValidSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000'
}
