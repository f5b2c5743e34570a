import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan, textAfter, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:phone'
const EXTENSION = '(?:[ \\t]*(?:x|ext\\.?|extension|#)[ \\t]*\\d{1,6})?'

/** NANP numbers: (555) 555-0142, 555-555-0142, 555.555.0142, +1 555 555 0142, 5555550142, with an extension. */
const NANP = new RegExp(
  `(?<![\\w+.-])(?:\\+?1[ \\t.-]?)?(?:\\((\\d{3})\\)[ \\t]?|(\\d{3})[ \\t.-]?)(\\d{3})[ \\t.-]?(\\d{4})${EXTENSION}(?!\\w|-\\d|\\.\\d)`,
  'gi'
)
/** International numbers written with a leading +: +44 7700 900 123, +46 (0)8 928 571 38. */
const INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[ \t.-]?\(?\d{1,5}\)?){2,6}(?![\w-])/g
/** Local 7-digit numbers (555-0142) and other digit groups, only after a phone cue. */
const LOOSE = /(?<![\w.-])\(?\d{2,5}\)?(?:[ \t.-]\(?\d{2,8}\)?){1,4}(?!\w|-\d|\.\d)/g

const DATE_SHAPED = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/
const PHONE_CUE = /\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|home|work|office|pager|beeper|call|called|calls|contact|reach(?:ed)?(?: at)?|number|callback|text|cell #|on-call|line|desk|dial|dialed|answering|messages?|registered|whatsapp|voicemail|VM)\b/gi
const FAX_CUE = /\b(?:fax(?:ed|ing)?|facsimile)\b|\bF:/gi

/**
 * NANP telephone numbers (PHONE), typed FAX when the nearest cue before the
 * number is a fax cue ("Fax:", "faxed to", "F:") or "(fax)" follows it.
 * Valid NANP numbers (area code and exchange not starting with 0 or 1) score
 * higher; other digit groups need a phone cue.
 */
export class PhoneRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const add = (start: number, end: number, score: number) => {
      spans.push(makeSpan(text, start, end, isFax(text, start, end) ? 'FAX' : 'PHONE', score, SOURCE))
    }

    for (const match of text.matchAll(NANP)) {
      const area = match[1] ?? match[2]
      const exchange = match[3]
      const separated = /[\s().-]/.test(match[0].replace(/^\+?1[ \t.-]/, ''))
      const cue = hasPhoneCue(text, match.index)
      const valid = /^[2-9]/.test(area) && /^[2-9]/.test(exchange)
      if (!separated && !cue && !valid) continue
      const score = valid ? (separated || cue ? 0.95 : 0.6) : cue ? 0.75 : 0.55
      add(match.index, match.index + match[0].length, score)
    }

    for (const match of text.matchAll(INTERNATIONAL)) {
      const digits = match[0].replace(/\D/g, '').length
      if (digits >= 8 && digits <= 15) add(match.index, match.index + match[0].length, 0.8)
    }

    for (const match of text.matchAll(LOOSE)) {
      const digits = match[0].replace(/\D/g, '').length
      if (digits < 7 || digits > 15 || DATE_SHAPED.test(match[0])) continue
      const cue = hasPhoneCue(text, match.index) || /^[ \t]*-?[ \t]*(?:office|mobile|cell|home|work|phone|tel)\b/i.test(textAfter(text, match.index + match[0].length, 12))
      const phoneShaped = /^\(?0/.test(match[0]) && digits >= 8 && digits <= 12 && /^[\d ()]+$/.test(match[0])
      if (cue || phoneShaped) add(match.index, match.index + match[0].length, cue ? 0.7 : 0.6)
    }

    return dropContained(spans)
  }
}

function hasPhoneCue(text: string, start: number): boolean {
  return lastCue(textBefore(text, start, 30), PHONE_CUE) >= 0 || lastCue(textBefore(text, start, 30), FAX_CUE) >= 0
}

/**
 * Fax when "(fax)" follows the number, or when, on the same line between the
 * previous number and this one, the last cue is a fax cue ("Phone X - Fax Y").
 */
function isFax(text: string, start: number, end: number): boolean {
  if (/^[ \t]*\((?:fax|f)\)/i.test(textAfter(text, end, 8))) return true
  let window = textBefore(text, start, 40).split('\n').pop() ?? ''
  const numbers = [...window.matchAll(/\d[\d ().-]{5,}\d/g)]
  const previous = numbers.at(-1)
  if (previous) window = window.slice(previous.index + previous[0].length)
  const fax = lastCue(window, FAX_CUE)
  return fax >= 0 && fax > lastCue(window, PHONE_CUE)
}

function lastCue(window: string, cue: RegExp): number {
  let last = -1
  for (const match of window.matchAll(cue)) last = match.index
  return last
}
