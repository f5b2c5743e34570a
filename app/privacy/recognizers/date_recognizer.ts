import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { MONTH_SOURCE, MONTHS, isPlausibleYear, isValidMonthDay } from '#privacy/recognizers/patterns/months'
import { dropContained, makeSpan, textAfter, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:date'
const M = `(${MONTH_SOURCE})`
const YEAR = `(\\d{4}|'\\d{2})`

/** "Jan 16", "January 16th, 2024", "Jan-16-2024". */
const MONTH_DAY_YEAR = new RegExp(`\\b${M}[ \\t-]*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.]\\d|\\d)(?:(?:,[ \\t]*|[ \\t]+|-)${YEAR}(?!\\d))?`, 'g')
/** "16 January 2024", "15 Jan", "16-Jan-24", "the 3rd of March". */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\w.])(\\d{1,2})(?:st|nd|rd|th)?(?:[ \\t]+of)?[ \\t-]*${M}(?:(?:,?[ \\t]*|-)(\\d{4}|'?\\d{2})(?!\\d))?`, 'g')
/** "March 2024", "Aug 2023", "March of 2023", "Jan '24". */
const MONTH_YEAR = new RegExp(`\\b${M},?[ \\t]+(?:of[ \\t]+)?${YEAR}(?!\\d)`, 'g')
/** A month name by itself ("since August"). */
const MONTH_ALONE = new RegExp(`\\b${M}`, 'g')
/** 01/16/2024, 1-9-24, 14/02/1995, 01.16.2024. */
const NUMERIC_FULL = /(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.-]\d)/g
/** 2024-01-16, 1977/12/03. */
const NUMERIC_ISO = /(?<![\w./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\w/]|[.-]\d)/g
/** 3/14, 6/2019, 12/23. */
const SLASH_PAIR = /(?<![\w./-])(\d{1,2})\/(\d{4}|\d{1,2})(?![\w/]|[.-]\d)/g
/** 06-2019 (month and year). */
const DASH_MONTH_YEAR = /(?<![\w./-])(\d{1,2})-(\d{4})(?![\w-]|\.\d)/g
/** 20240116 or 01162024, only right after a date label. */
const COMPACT = /(?<![\w.-])(\d{8})(?![\w-])/g
/** A year of birth on its own ("born in 1931", "DOB: 1931"): PHI when it reveals an age over 89 (Safe Harbor). */
const BIRTH_YEAR = /\b(?:born(?:[ \t]+in)?|b\.|DOB|date[ \t]+of[ \t]+birth|year[ \t]+of[ \t]+birth|birth[ \t]*year|YOB)[ \t]*[:#-]?[ \t]*((?:18|19|20)\d{2})(?![\d/.-]\d)/gi
/** Ages over this are PHI. */
const OLDEST_UNREDACTED_AGE = 89

/** The word right before a date that makes a bare number pair or a lone month a date. */
const DATE_CUE =
  /(?:\b(?:DOB|D\.O\.B\.?|DOS|date[ds]?|born|birth|on|since|from|until|till|thru|through|to|by|before|after|as of|seen|admitted|admission|discharged?|visit|last|next|due|started|stopped|ended|began|in|during|early|mid|late|around|following|scheduled|effective|expires?|exp|between|and|or|of)|f\/u|follow[- ]?up)[\s:.#]*$/i
/** A label right before a number pair that makes it a score, vital or lab value. */
const MEASURE_BEFORE =
  /\b(?:BP|B\/P|blood pressure|pressures?|ABG|VBG|ratio|strength|power|motor|pain|score[ds]?|scale|rated|rates|grade[ds]?|murmur|reflex(?:es)?|DTRs?|vision|acuity|visual|PHQ-?\d*|GAD-?\d*|CAGE|AUDIT(?:-C)?|MMSE|MoCA|Apgars?|GCS|cultures?|bottles?|sets?|averages?|avg|dilution|titer|fraction)[\s:=]*$/i
/** Words right after a number pair that make it a measure, count or fraction. */
const MEASURE_AFTER =
  /^\s*(?:mm ?Hg|ppd|packs?|tabs?\b|tablets?|pills?|caps?\b|capsules?|cups?|doses?|teaspoons?|tsp|tbsp|inch|inches|in\b|miles?|blocks?|flights?|sites?|strength|murmur|positive|negative|bottles?|sets?|cultures?|systolic|holosystolic|diastolic|SEM|bilat|bilaterally|[LU]E\b|in all|throughout|power|pain|of\b|times?|days?|weeks?|months?|years?|hours?|h\b|hrs?|per\b|ratio|score|units?|mg|mcg|mL|g\b|kg|%)/i

/**
 * Dates in the common written forms: numeric (01/16/2024, 1-9-24,
 * 2024-01-16), with month names (Jan 16, 2024; 16 January 2024; the 3rd of
 * March), month and year (March 2024, 6/2019), partial dates (3/14) and a
 * month by itself ("since August"). A year alone, times, weekdays and
 * relative dates are not PHI; number pairs that read as vitals, scores or
 * fractions are skipped.
 */
export class DateRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const add = (start: number, end: number, score: number) => spans.push(makeSpan(text, start, end, 'DATE', score, SOURCE))

    for (const match of text.matchAll(MONTH_DAY_YEAR)) {
      const day = Number(match[2])
      const month = monthNumber(match[1])
      if (!isValidMonthDay(month, day)) continue
      const hasYear = match[3] !== undefined
      if (hasYear && !isYear(match[3])) continue
      if (!hasYear && isMeasureAfter(text, match.index + match[0].length)) continue
      add(match.index, match.index + match[0].length, hasYear ? 0.95 : 0.85)
    }

    for (const match of text.matchAll(DAY_MONTH_YEAR)) {
      const day = Number(match[1])
      const month = monthNumber(match[2])
      if (!isValidMonthDay(month, day)) continue
      const year = match[3]
      const matchEnd = match.index + match[0].length
      const yearIsReal = year !== undefined && (year.length >= 4 ? isPlausibleYear(Number(year)) : !isMeasureAfter(text, matchEnd))
      const end = yearIsReal ? matchEnd : matchEnd - (year?.length ?? 0)
      add(match.index, trimEnd(text, match.index, end), yearIsReal ? 0.95 : 0.8)
    }

    for (const match of text.matchAll(MONTH_YEAR)) {
      if (!isYear(match[2])) continue
      add(match.index, match.index + match[0].length, 0.9)
    }

    for (const match of text.matchAll(MONTH_ALONE)) {
      const word = /^(?:may|june|july)\.$/i.test(match[1]) ? match[1].slice(0, -1) : match[1].replace(/^([A-Za-z]{5,})\.$/, '$1')
      const score = loneMonthScore(text, match.index, word)
      if (score > 0) add(match.index, match.index + word.length, score)
    }

    for (const match of text.matchAll(NUMERIC_FULL)) {
      const [first, second] = [Number(match[1]), Number(match[3])]
      const yearText = match[4]
      if (yearText.length === 4 && !isPlausibleYear(Number(yearText))) continue
      if (match[2] === '.' && yearText.length === 2) continue
      if (!isValidMonthDay(first, second) && !isValidMonthDay(second, first)) continue
      add(match.index, match.index + match[0].length, isValidMonthDay(first, second) ? 0.95 : 0.85)
    }

    for (const match of text.matchAll(NUMERIC_ISO)) {
      if (!isPlausibleYear(Number(match[1])) || !isValidMonthDay(Number(match[3]), Number(match[4]))) continue
      add(match.index, match.index + match[0].length, 0.95)
    }

    for (const match of text.matchAll(SLASH_PAIR)) {
      const score = slashPairScore(text, match.index, match[0].length, match[1], match[2])
      if (score > 0) add(match.index, match.index + match[0].length, score)
    }

    for (const match of text.matchAll(DASH_MONTH_YEAR)) {
      const month = Number(match[1])
      if (month < 1 || month > 12 || !isPlausibleYear(Number(match[2]))) continue
      if (isMeasureAfter(text, match.index + match[0].length)) continue
      add(match.index, match.index + match[0].length, 0.7)
    }

    for (const match of text.matchAll(COMPACT)) {
      if (!/\b(?:DOB|D\.O\.B\.?|DOS|date|born|birth)[\s:#]*$/i.test(textBefore(text, match.index, 20))) continue
      const digits = match[1]
      const iso = isPlausibleYear(Number(digits.slice(0, 4))) && isValidMonthDay(Number(digits.slice(4, 6)), Number(digits.slice(6)))
      const us = isValidMonthDay(Number(digits.slice(0, 2)), Number(digits.slice(2, 4))) && isPlausibleYear(Number(digits.slice(4)))
      if (iso || us) add(match.index, match.index + digits.length, 0.8)
    }

    const thisYear = new Date().getUTCFullYear()
    for (const match of text.matchAll(BIRTH_YEAR)) {
      if (thisYear - Number(match[1]) <= OLDEST_UNREDACTED_AGE) continue
      const start = match.index + match[0].length - match[1].length
      add(start, start + 4, 0.9)
    }

    return dropContained(spans)
  }
}

function monthNumber(word: string): number {
  return MONTHS.get(word.replace('.', '').toLowerCase()) ?? 0
}

function isYear(text: string): boolean {
  if (text.startsWith("'")) return true
  return text.length === 2 || isPlausibleYear(Number(text))
}

/** Moves `end` back over trailing blanks, commas and dashes. */
function trimEnd(text: string, start: number, end: number): number {
  let cut = end
  while (cut > start && /[\s,-]/.test(text[cut - 1])) cut--
  return cut
}

function isMeasureAfter(text: string, end: number): boolean {
  return MEASURE_AFTER.test(textAfter(text, end, 16))
}

function hasDateCue(text: string, start: number): boolean {
  return DATE_CUE.test(textBefore(text, start, 24))
}

/**
 * A month name standing alone. Full names other than May are dates unless
 * they read as a first name (followed by a capitalised word, or after a
 * title); May and abbreviations need a cue such as "in", "since", "last".
 */
function loneMonthScore(text: string, start: number, word: string): number {
  const bare = word.replace('.', '')
  const full = bare.length > 3 && bare.toLowerCase() !== 'sept'
  const cue = /\b(?:in|since|until|till|through|thru|by|before|after|during|early|mid|late|last|next|this|of|from|around|each|every|since early|since late)[\s-]*$/i.test(
    textBefore(text, start, 16)
  )
  const after = textAfter(text, start + word.length, 24)
  if (/^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:[A-Z][a-z]+\s+)?(?:and|or|to)\b/i.test(after) && !cue) return 0
  if (/\b(?:Mr|Mrs|Ms|Miss|Dr|Aunt|Uncle)\.?\s*$/.test(textBefore(text, start, 8))) return 0
  if (bare.toLowerCase() === 'may' || bare.toLowerCase() === 'march') return cue && /^[A-Z]/.test(word) ? 0.7 : 0
  if (!full) return cue ? 0.7 : 0
  return cue ? 0.8 : 0.6
}

/**
 * A bare number pair such as 3/14 (month/day), 6/2019 (month/year) or
 * 14/02 (day/month). Not a date in a vital, score or fraction context.
 */
function slashPairScore(text: string, start: number, length: number, firstText: string, secondText: string): number {
  const first = Number(firstText)
  const second = Number(secondText)
  const cue = hasDateCue(text, start)
  const before = textBefore(text, start, 28).split('\n').pop() ?? ''
  if (MEASURE_BEFORE.test(before) && !cue) return 0
  if (isMeasureAfter(text, start + length)) return 0
  if (/\d[ \t]$/.test(before)) return 0

  if (secondText.length === 4) return first >= 1 && first <= 12 && isPlausibleYear(second) ? 0.85 : 0
  if (isValidMonthDay(first, second)) {
    if (!cue && second === 10 && first <= 10) return 0
    if (!cue && second === 5 && first <= 5) return 0
    if (!cue && [2, 3, 4, 8].includes(second) && first < second) return 0
    return cue ? 0.85 : 0.7
  }
  if (firstText.length === 2 && secondText.length === 2 && isValidMonthDay(second, first)) return 0.6
  if (first >= 1 && first <= 12 && secondText.length === 2 && (cue || firstText.length === 2)) return 0.55
  return 0
}
