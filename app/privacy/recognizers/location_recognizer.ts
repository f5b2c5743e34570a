import type { PhiSpan, PhiType } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import type { Dictionaries } from '#privacy/reference/dictionaries'
import { joined, lowercaseVocabulary, wordTokens, type WordToken } from '#privacy/recognizers/cues/word_tokens'
import { AMBIGUOUS_STATE_NAMES, US_STATE_CODES, US_STATES } from '#privacy/recognizers/cues/us_states'
import { ORGANIZATION_HEADS, STREET_WORDS } from '#privacy/recognizers/cues/organization_cues'
import { NOT_NAME_WORDS } from '#privacy/recognizers/cues/name_cues'
import { lastNonSpace, lastWordBeforeSpace } from '#privacy/recognizers/cues/text_before'

const SOURCE = 'dictionary:location'
const MAX_CITY_WORDS = 4
const MAX_STATE_WORDS = 4

/** State codes that are also credentials: "M. Ostrowski, MD" is not a place. */
const CREDENTIAL_CODES = new Set(['MD', 'PA', 'MA', 'DC', 'NP', 'RN', 'DO', 'OD'])
const ZIP_AFTER = /^[ \t]*,?[ \t]*\d{5}(?:-\d{4})?(?!\d)/
const STATE_LABEL_BEFORE = /\b(?:state|st)\s*:\s*$/i
const CITY_LABEL_BEFORE = /\b(?:city|town|location|pt location|patient location|hometown|birthplace|place of birth|residence)\s*:\s*$/i
/** Phrases before a place: "lives in", "moved from", "visiting". */
const PLACE_CUE_BEFORE =
  /\b(?:lives?|living|resides?|residing|resident|moved|moving|relocated|relocating|located|born|raised|grew up|visiting|visited|travel(?:l)?ed|travel(?:l)?ing|trip|vacation(?:ed|ing)?|home|house|based|stationed|transferred|flew|drove|commutes?|returned|arrived|originally|native)\b[^.\n;]{0,20}?\b(?:in|to|from|near|at|outside|of)\s+(?:the\s+)?$|\b(?:from|in|near|outside)\s+$/i
/** Cues strong enough that an unknown capitalised word after them is a place: "flew to Leppen", "grew up in Sund". */
const STRONG_PLACE_CUE_BEFORE =
  /\b(?:lives|living|resides|residing|moved|relocated|born|raised|grew up|flew|travel(?:l)?ed|travel(?:l)?ing|originally|i'm|i am|we're|we are|home|vacation(?:ed|ing)?)\s+(?:\w+\s+)?(?:in|to|from|near)\s+$/i
/** The words PLACE_CUE_BEFORE can end with (before the white space). */
const PLACE_CUE_LAST_WORDS = new Set(['in', 'to', 'from', 'near', 'at', 'outside', 'of', 'the'])
const STATE_PREPOSITION_BEFORE = /\b(?:in|from|to|near|of|outside|across|throughout|around|state of|visiting|left|leaving)\s+$/i

/** State names by dictionary; built once per dictionary. */
const stateNamesCache = new WeakMap<Dictionaries['states'], Map<string, string>>()

interface StateMatch {
  first: number
  last: number
  code: string
  byName: boolean
}

/**
 * Cities and states: "Boone, NC 28607", "Springfield, Illinois", cities
 * from the dictionary after place cues ("lives in", "moved from"), state
 * names in prose, and two-letter codes only next to a city, a ZIP or a
 * "State:" label (so "OR", "IN", "ME" and "MD" stay words).
 */
export class LocationRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, context: RecognizerContext): PhiSpan[] {
    const tokens = wordTokens(text)
    const dictionaries = context.dictionaries
    const states = stateNames(dictionaries)
    const vocabulary = lowercaseVocabulary(tokens)
    const spans: PhiSpan[] = []
    const claimed = new Set<number>()

    for (let index = 0; index < tokens.length; index++) {
      const state = stateAt(text, tokens, index, states)
      if (!state) continue
      const stateStart = tokens[state.first].start
      const stateEnd = tokens[state.last].end
      const zipAfter = ZIP_AFTER.test(text.slice(stateEnd))
      const city = cityBefore(text, tokens, state.first, dictionaries, zipAfter, state.byName || !CREDENTIAL_CODES.has(state.code))
      const labelled = STATE_LABEL_BEFORE.test(text.slice(Math.max(0, stateStart - 20), stateStart))

      let accepted = false
      if (city) {
        spans.push(span(text, tokens[city.first].start, tokens[city.last].end, 'CITY', city.known || zipAfter ? 0.9 : 0.8))
        for (let i = city.first; i <= city.last; i++) claimed.add(i)
        accepted = true
      } else if (zipAfter || labelled) {
        accepted = true
      } else if (state.byName && stateNameInProse(text, tokens, state)) {
        accepted = true
      }
      if (!accepted) continue
      spans.push(span(text, stateStart, stateEnd, 'STATE', state.byName && !city && !zipAfter ? 0.75 : 0.9))
      for (let i = state.first; i <= state.last; i++) claimed.add(i)
      index = state.last
    }

    spans.push(...citiesAfterCues(text, tokens, dictionaries, vocabulary, claimed))
    spans.push(...repeatedCities(text, spans))
    return spans
  }
}

/** Dictionary states, plus the built-in list so codes and names always work. */
function stateNames(dictionaries: Dictionaries): Map<string, string> {
  const cached = stateNamesCache.get(dictionaries.states)
  if (cached) return cached
  const states = new Map<string, string>(US_STATES)
  for (const [name, code] of dictionaries.states) if (name.length > 2) states.set(name, code.toUpperCase())
  stateNamesCache.set(dictionaries.states, states)
  return states
}

/** A state code ("NC", written in capitals) or the longest state name ("West Virginia") starting at token `index`. */
function stateAt(text: string, tokens: WordToken[], index: number, states: Map<string, string>): StateMatch | undefined {
  const token = tokens[index]
  if (token.text.length === 2 && token.allCaps && US_STATE_CODES.has(token.text)) {
    return { first: index, last: index, code: token.text, byName: false }
  }
  if (!token.capitalised && !token.allCaps) return undefined
  let found: StateMatch | undefined
  let words = ''
  for (let last = index; last < Math.min(tokens.length, index + MAX_STATE_WORDS); last++) {
    if (last > index && (!joined(text, tokens[last - 1], tokens[last]) || !(tokens[last].capitalised || tokens[last].lower === 'of'))) break
    words = last === index ? tokens[last].lower : `${words} ${tokens[last].lower}`
    const code = states.get(words)
    if (code) found = { first: index, last, code, byName: true }
  }
  return found
}

/** The city right before a state: "Boone, NC", "Cedar Rapids, IA", "Marquette MI 49855". */
function cityBefore(
  text: string,
  tokens: WordToken[],
  stateIndex: number,
  dictionaries: Dictionaries,
  zipAfter: boolean,
  plainState: boolean
): { first: number; last: number; known: boolean } | undefined {
  const last = stateIndex - 1
  if (last < 0) return undefined
  const gap = text.slice(tokens[last].end, tokens[stateIndex].start)
  // "Boone, NC" anywhere; "Marquette MI 49855" only with the ZIP.
  if (!/^,[ \t]*$/.test(gap) && !(zipAfter && /^[ \t]$/.test(gap))) return undefined
  const words: number[] = []
  // "Fitzgerald, MD" and "Pike, MD" are people with credentials unless a ZIP or a place cue says otherwise.
  const unknownAllowed = zipAfter || plainState
  for (let i = last; i >= 0 && words.length < MAX_CITY_WORDS; i--) {
    const token = tokens[i]
    if (!(token.capitalised || token.allCaps)) break
    if (i < last && !joined(text, token, tokens[i + 1]) && text.slice(token.end, tokens[i + 1].start) !== '. ') break
    words.unshift(i)
  }
  if (words.length === 0) return undefined
  for (let start = 0; start < words.length; start++) {
    const name = tokens
      .slice(words[start], last + 1)
      .map((token) => token.lower)
      .join(' ')
    if (!dictionaries.cities.has(name) && !dictionaries.cities.has(name.replace(/^st /, 'saint '))) continue
    if (unknownAllowed || placeCueBefore(text, tokens[words[start]].start)) return { first: words[start], last, known: true }
  }
  if (!unknownAllowed) return undefined
  // Unknown city: the words after the last street or organisation word, at most three.
  let first = words.length - 1
  while (first > 0 && words.length - first < 3) {
    const previous = tokens[words[first - 1]]
    if (STREET_WORDS.has(previous.lower) || ORGANIZATION_HEADS.has(previous.lower) || NOT_NAME_WORDS.has(previous.lower)) break
    first--
  }
  const cityTokens = words.slice(first).map((i) => tokens[i])
  if (cityTokens.some((token) => !token.capitalised)) return undefined
  if (cityTokens.some((token) => STREET_WORDS.has(token.lower) || ORGANIZATION_HEADS.has(token.lower) || NOT_NAME_WORDS.has(token.lower))) return undefined
  return { first: words[first], last, known: false }
}

function placeCueBefore(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 50), offset)
  return PLACE_CUE_BEFORE.test(before) || CITY_LABEL_BEFORE.test(before) || /,[ \t]*$/.test(before)
}

/** A state name alone: "moved from Ohio". Names that are also first names need a preposition ("in Georgia"). */
function stateNameInProse(text: string, tokens: WordToken[], state: StateMatch): boolean {
  const first = tokens[state.first]
  const last = tokens[state.last]
  if (!first.capitalised) return false
  const previous = tokens[state.first - 1]
  const next = tokens[state.last + 1]
  // Part of a longer proper name: "Central Georgia Labs", "Georgia Smith", "Ohio State University".
  if (previous && (previous.capitalised || previous.allCaps) && joined(text, previous, first)) return false
  if (next && (next.capitalised || next.allCaps) && joined(text, last, next)) return false
  const name = tokens
    .slice(state.first, state.last + 1)
    .map((token) => token.lower)
    .join(' ')
  if (AMBIGUOUS_STATE_NAMES.has(name)) return STATE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, first.start - 20), first.start))
  return true
}

/** Dictionary cities after place cues ("lives in Boise", "Location: Macon"). */
function citiesAfterCues(text: string, tokens: WordToken[], dictionaries: Dictionaries, vocabulary: Set<string>, claimed: Set<number>): PhiSpan[] {
  const spans: PhiSpan[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (claimed.has(index) || !(token.capitalised || (token.allCaps && token.text.length > 2))) continue
    const before = text.slice(Math.max(0, token.start - 50), token.start)
    const labelled = lastNonSpace(before) === ':' && CITY_LABEL_BEFORE.test(before)
    if (!labelled && !(PLACE_CUE_LAST_WORDS.has(lastWordBeforeSpace(before)) && PLACE_CUE_BEFORE.test(before))) continue
    let best: number | undefined
    let name = ''
    for (let last = index; last < Math.min(tokens.length, index + MAX_CITY_WORDS); last++) {
      if (last > index && (!joined(text, tokens[last - 1], tokens[last]) || !tokens[last].capitalised)) break
      name = last === index ? tokens[last].lower : `${name} ${tokens[last].lower}`
      if (dictionaries.cities.has(name)) best = last
    }
    if (best === undefined && STRONG_PLACE_CUE_BEFORE.test(before)) best = unknownPlace(text, tokens, index, dictionaries, vocabulary)
    if (best === undefined) continue
    if (best === index && (vocabulary.has(token.lower) || dictionaries.commonWords.has(token.lower) || NOT_NAME_WORDS.has(token.lower))) continue
    const next = tokens[best + 1]
    if (next && next.capitalised && joined(text, tokens[best], next) && ORGANIZATION_HEADS.has(next.lower)) continue
    spans.push(span(text, token.start, tokens[best].end, 'CITY', labelled ? 0.85 : 0.75))
    index = best
  }
  return spans
}

/** The last token of an unknown place name (one to three capitalised words) starting at `index`, if it looks like one. */
function unknownPlace(text: string, tokens: WordToken[], index: number, dictionaries: Dictionaries, vocabulary: Set<string>): number | undefined {
  let last = index
  while (last + 1 < tokens.length && last - index < 2 && joined(text, tokens[last], tokens[last + 1]) && (tokens[last + 1].capitalised || tokens[last + 1].allCaps)) last++
  for (let i = index; i <= last; i++) {
    const word = tokens[i].lower
    if (NOT_NAME_WORDS.has(word) || dictionaries.commonWords.has(word) || vocabulary.has(word) || ORGANIZATION_HEADS.has(word) || STREET_WORDS.has(word)) return undefined
  }
  return last
}

/** Later mentions of a city already found. */
function repeatedCities(text: string, spans: PhiSpan[]): PhiSpan[] {
  const cities = new Set(spans.filter((found) => found.type === 'CITY' && found.score >= 0.8).map((found) => found.text))
  const found: PhiSpan[] = []
  for (const city of cities) {
    let from = 0
    for (;;) {
      const at = text.indexOf(city, from)
      if (at < 0) break
      from = at + city.length
      const end = at + city.length
      const bounded = !/[\p{L}\d]/u.test(text[at - 1] ?? '') && !/[\p{L}\d]/u.test(text[end] ?? '')
      if (bounded && !spans.some((existing) => existing.start <= at && end <= existing.end)) found.push(span(text, at, end, 'CITY', 0.75))
    }
  }
  return found
}

function span(text: string, start: number, end: number, type: PhiType, score: number): PhiSpan {
  return { start, end, type, text: text.slice(start, end), score, source: SOURCE }
}
