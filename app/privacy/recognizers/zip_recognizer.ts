import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { US_STATES } from '#privacy/reference/us_states'
import { makeSpan, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:zip'
const STATE_CODES = new Set(US_STATES.map(([code]) => code))
const STATE_NAMES = new Set(US_STATES.map(([, name]) => name.toLowerCase()))
const ZIP = /(?<![\w.,/-])(\d{5})(?:-(\d{4}))?(?![\w/-]|[.,]\d)/g
const ZIP_LABEL = /\b(?:zip|zip[ \t]*code|postal[ \t]*code|zipcode|post[ \t]*code)[ \t]*(?:is|was|of)?[ \t]*[:#]?[ \t]*$/i
/** Every ZIP label holds one of these words. */
const HAS_ZIP_LABEL = /zip|post/i
/**
 * After a ZIP label any postal code form is taken (3520, 394 13, 53-320, B0J 2H0)
 * when a digit follows in the same run of [A-Z0-9 -] (see digitAhead).
 */
const LABELLED_CODE = /(?<![\w-])[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?(?![\w-])/g
/** The words right before a ZIP: a state code ("NC"), a dotted code ("N.C.") or up to three words of a state name. */
const STATE_BEFORE = /(?:\b([A-Z]{2}|[A-Z]\.[A-Z]\.)|\b((?:[A-Za-z]+[ \t]+){0,2}[A-Za-z]+))[ \t]*,?[ \t]*$/

/**
 * US ZIP codes (5-digit and ZIP+4) in address context: right after a state
 * code or name ("Boone, NC 28607") or after a ZIP label. Other five-digit
 * numbers are left alone.
 */
export class ZipRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    for (const match of text.matchAll(ZIP)) {
      const before = textBefore(text, match.index, 40)
      const labelled = ZIP_LABEL.test(before)
      const afterState = followsState(before, context)
      if (!labelled && !afterState) continue
      spans.push(makeSpan(text, match.index, match.index + match[0].length, 'ZIP', 0.95, SOURCE))
    }
    if (!HAS_ZIP_LABEL.test(text)) return spans
    const digitAhead = digitAheadFinder(text)
    LABELLED_CODE.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = LABELLED_CODE.exec(text)) !== null) {
      if (!digitAhead(match.index)) {
        LABELLED_CODE.lastIndex = match.index + 1
        continue
      }
      const start = match.index
      if (!ZIP_LABEL.test(textBefore(text, start, 24))) continue
      if (spans.some((span) => span.start <= start && span.end > start)) continue
      spans.push(makeSpan(text, start, start + match[0].length, 'ZIP', 0.9, SOURCE))
    }
    return spans
  }
}

/**
 * For increasing positions: is there a digit in the run of [A-Z0-9 -] that
 * starts there? The same as the lookahead (?=[A-Z0-9 -]*\d), but each
 * character is read once instead of once per position (long runs of
 * "1 1 1" or "MRN MRN" made the lookahead quadratic).
 */
function digitAheadFinder(text: string): (position: number) => boolean {
  let digitAt = -1
  let runEnd = -1
  return (position) => {
    if (position <= digitAt) return true
    if (position < runEnd) return false
    for (let index = position; index < text.length; index++) {
      const char = text[index]
      if (char >= '0' && char <= '9') {
        digitAt = index
        return true
      }
      if (!((char >= 'A' && char <= 'Z') || char === ' ' || char === '-')) {
        runEnd = index
        return false
      }
    }
    runEnd = text.length
    return false
  }
}

/** An upper-case state code (NC, N.C.) or a state name in any case. */
function isUsState(word: string, context: RecognizerContext): boolean {
  const compact = word.replace(/\./g, '')
  if (compact.length === 2) return compact === compact.toUpperCase() && (STATE_CODES.has(compact) || context.dictionaries.states.has(compact.toLowerCase()))
  const name = word.toLowerCase()
  return STATE_NAMES.has(name) || context.dictionaries.states.has(name)
}

function followsState(before: string, context: RecognizerContext): boolean {
  const match = STATE_BEFORE.exec(before.split('\n').pop() ?? '')
  if (!match) return false
  if (match[1]) return isUsState(match[1], context)
  const words = match[2].split(/[ \t]+/)
  for (let count = 1; count <= words.length; count++) {
    if (isUsState(words.slice(-count).join(' '), context)) return true
  }
  return false
}
