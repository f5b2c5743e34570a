import type { PhiSpan, PhiType } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { ID_LABELS } from '#privacy/recognizers/patterns/id_labels'
import { isValidNpi, passesLuhn } from '#privacy/recognizers/patterns/luhn'
import { dropContained, makeSpan, textAfter } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:id'
/** How far after its label a value may stand ("biometric login via fingerprint token X"). */
const WINDOW = 32
/** An identifier value: letters and digits, with inner dashes. */
const VALUE = /(?<![A-Za-z0-9/.-])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?![A-Za-z0-9/-]|\.[A-Za-z0-9])/g
const MARKER = /(?:#|:|\bno\.?|\bnumber|\bnum\b|\bID\b)/i
const UNIT_AFTER = /^\s*(?:mg|mcg|g|kg|lbs?|mL|L|units?|%|mmHg|cm|mm|in\b|h\b|hrs?|hours?|days?|weeks?|months?|years?|yo\b|y\/o|times|x\b|cc|mEq|mmol|IU)/i
const CODE_LIKE = /(?<![\w/.-])[A-Z]{2,5}(?:-[A-Z0-9]{1,6})*-\d{4,}(?:-[A-Z0-9]+)*(?![\w-])/g
/** 12-19 digit payment card numbers, optionally in groups of four. */
const CARD = /(?<![\w-])\d{4}(?:[ -]?\d{4}){2}(?:[ -]?\d{1,7})?(?![\w-])/g
const IBAN = /\b[A-Z]{2}\d{2}[A-Z0-9]{4}\d{7}[A-Z0-9]{0,16}\b/gi

interface LabelMatch {
  start: number
  end: number
  type: PhiType
  strong: boolean
  marked: boolean
}

const LABEL_END = '(?:(?<=[#:.])|(?![A-Za-z0-9]|-[A-Za-z0-9]))'
/** Each label, anchored (sticky) so it can be tried at one position. */
const LABEL_REGEXES = ID_LABELS.map((label) => ({
  ...label,
  regex: new RegExp(`(?<![A-Za-z0-9-])(?:${label.pattern})${LABEL_END}`, label.caseSensitive ? 'y' : 'iy'),
}))
/** All labels in one case-insensitive pass, to find where labels may start. */
const ANY_LABEL = new RegExp(`(?<![A-Za-z0-9-])(?:${ID_LABELS.map((label) => label.pattern).join('|')})${LABEL_END}`, 'gi')

/**
 * Identifiers announced by a context label: MRN ("MRN", "MR#", "Chart #"),
 * ACCOUNT ("Acct", "FIN"), HEALTH_PLAN_ID ("Member ID", "Medicare MBI"),
 * LICENSE ("DEA #", "license"), DEVICE_ID ("S/N", "serial"), BIOMETRIC
 * ("fingerprint ID") and OTHER_ID (NPI, encounter, claim, case, accession...).
 * The span is the value after the label; the nearest label decides the type.
 * Also unlabelled code-like ids (ABC-1234567), payment card numbers and IBANs.
 */
export class LabelledIdRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const labels = findLabels(text)

    for (const [index, label] of labels.entries()) {
      const next = labels[index + 1]
      const limit = Math.min(label.end + WINDOW, next ? next.start : text.length)
      const value = firstValue(text, label.end, limit)
      if (!value) continue
      const gap = text.slice(label.end, value.start)
      const score = valueScore(text, value, label, label.marked || MARKER.test(gap))
      if (score > 0) spans.push(makeSpan(text, value.start, value.end, label.type, score, SOURCE))
    }

    for (const match of text.matchAll(CODE_LIKE)) {
      spans.push(makeSpan(text, match.index, match.index + match[0].length, 'OTHER_ID', 0.55, SOURCE))
    }
    for (const match of text.matchAll(CARD)) {
      const digits = match[0].replace(/\D/g, '')
      if (digits.length >= 12 && digits.length <= 19 && passesLuhn(digits)) {
        spans.push(makeSpan(text, match.index, match.index + match[0].length, 'ACCOUNT', 0.8, SOURCE))
      }
    }
    for (const match of text.matchAll(IBAN)) {
      spans.push(makeSpan(text, match.index, match.index + match[0].length, 'ACCOUNT', 0.8, SOURCE))
    }

    const labelled = spans.filter((span) => span.score > 0.55)
    return dropContained(spans.filter((span) => span.score > 0.55 || !labelled.some((other) => other.start <= span.start && other.end >= span.end)))
  }
}

/** Every label in the text, left to right; at one position the longest label wins, and labels do not overlap. */
function findLabels(text: string): LabelMatch[] {
  const found: LabelMatch[] = []
  ANY_LABEL.lastIndex = 0
  let candidate: RegExpExecArray | null
  while ((candidate = ANY_LABEL.exec(text)) !== null) {
    const start = candidate.index
    let best: LabelMatch | undefined
    for (const label of LABEL_REGEXES) {
      label.regex.lastIndex = start
      const match = label.regex.exec(text)
      if (!match || (best && best.end >= start + match[0].length)) continue
      const end = start + match[0].length
      best = { start, end, type: label.type, strong: label.strong, marked: MARKER.test(match[0]) || text[end] === ':' }
    }
    if (best) found.push(best)
    ANY_LABEL.lastIndex = best ? best.end : start + 1
  }
  return found
}

/**
 * The first identifier-like value between `from` and `limit` on the same
 * line (or on the next line when only blanks and a colon follow the label),
 * skipping at most three filler words.
 */
function firstValue(text: string, from: number, limit: number): { start: number; end: number; text: string } | undefined {
  const window = text.slice(from, limit)
  const newline = window.search(/\n/)
  const bounded = newline >= 0 && window.slice(0, newline).trim().replace(/^[:#]/, '').trim() !== '' ? window.slice(0, newline) : window
  let words = 0
  for (const match of bounded.matchAll(VALUE)) {
    if (/\d/.test(match[0])) return { start: from + match.index, end: from + match.index + match[0].length, text: match[0] }
    if (++words >= 3) return undefined
  }
  return undefined
}

function valueScore(text: string, value: { start: number; end: number; text: string }, label: LabelMatch, marked: boolean): number {
  const digits = value.text.replace(/\D/g, '').length
  const letters = /[A-Za-z]/.test(value.text)
  if (digits < 3 && !(digits >= 2 && letters && value.text.length >= 5)) return 0
  if (UNIT_AFTER.test(textAfter(text, value.end, 8))) return 0
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$/.test(value.text)) return 0
  const codeLike = letters || value.text.includes('-') || digits >= 5
  if (!label.strong && !marked && !codeLike) return 0
  if (label.type === 'OTHER_ID' && /^\d{10}$/.test(value.text) && /NPI/.test(text.slice(Math.max(0, value.start - 12), value.start))) {
    return isValidNpi(value.text) ? 0.95 : 0.8
  }
  return label.strong || marked ? 0.9 : 0.75
}
