import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:age'
const NUMBER = '(\\d{2,3})'

/** "92 yo", "92-year-old", "92 y/o", "92yo F", "92 years old", "92 y". */
const NUMBER_YEARS = new RegExp(`(?<![\\w.])${NUMBER}(?=[ \\t-]*(?:years?|yrs?|y\\.?\\s?o\\b\\.?|y/o|yo|y(?![a-z])|-?year-old))`, 'gi')
/** "aged 94", "age: 101", "Age 90". */
const AGE_LABEL = new RegExp(`\\b(?:age[sd]?|at the age of)[ \\t]*(?:[:=]|of|is|was)?[ \\t]*${NUMBER}(?![\\d.])`, 'gi')
/** "92 M", "92F", "93 female", at the start of a description. */
const NUMBER_SEX = new RegExp(`(?<![\\w.])${NUMBER}[ \\t]*(?=(?:M|F|male|female|man|woman|yo[MF])\\b)`, 'g')
/** "92nd birthday". */
const BIRTHDAY = new RegExp(`(?<![\\w.])${NUMBER}(?=(?:st|nd|rd|th)[ \\t]+birthday)`, 'gi')
/** "in her 90s", "late 90's", "nineties". */
const DECADE = /\b(?:in (?:his|her|their|the)|early|mid|late)[ \t-]+((?:9\d|1[0-2]\d)'?s|nineties)\b/gi
const SPELLED = /\b((?:ninety|one hundred)(?:[ -](?:and[ -])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?=[ -]+(?:years?[ -]old|yo\b|year-old))/gi

/** A vital or lab label right before a number that then is not an age. */
const MEASURE_BEFORE = /\b(?:HR|T|temp|RR|SpO2|O2|sat|sats|pulse|P|wt|weight|glucose|BS|BG|FSBG|BP|score|level|HC|ht|height)[\s:=]*$/i

/**
 * Ages over 89 (Safe Harbor keeps younger ages). The span is the number
 * (or the decade "90s"); younger ages are ignored.
 */
export class AgeRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const addNumber = (match: RegExpMatchArray, score: number) => {
      const value = Number(match[1])
      if (value < 90 || value > 125) return
      const start = match.index! + match[0].indexOf(match[1])
      if (MEASURE_BEFORE.test(textBefore(text, start, 10))) return
      spans.push(makeSpan(text, start, start + match[1].length, 'AGE', score, SOURCE))
    }

    for (const match of text.matchAll(NUMBER_YEARS)) addNumber(match, 0.95)
    for (const match of text.matchAll(AGE_LABEL)) addNumber(match, 0.95)
    for (const match of text.matchAll(NUMBER_SEX)) addNumber(match, 0.75)
    for (const match of text.matchAll(BIRTHDAY)) addNumber(match, 0.9)
    for (const match of text.matchAll(DECADE)) {
      const start = match.index + match[0].length - match[1].length
      spans.push(makeSpan(text, start, start + match[1].length, 'AGE', 0.8, SOURCE))
    }
    for (const match of text.matchAll(SPELLED)) {
      spans.push(makeSpan(text, match.index, match.index + match[1].length, 'AGE', 0.9, SOURCE))
    }
    return dropContained(spans)
  }
}
