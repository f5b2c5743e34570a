import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { AllowList } from '#privacy/allow_list/allow_list'
import { wordTokens, type WordToken } from '#privacy/recognizers/cues/word_tokens'
import { NOT_NAME_WORDS, TITLES } from '#privacy/recognizers/cues/name_cues'
import { lastNonSpace, lastWordBeforeSpace } from '#privacy/recognizers/cues/text_before'
import {
  DEPARTMENT_WORDS,
  EMPLOYER_CUE,
  ORGANIZATION_HEADS,
  ORGANIZATION_LABEL,
  PHARMACY_CHAINS,
  SERVICE_ORGANIZATION_HEADS,
  STRONG_ORGANIZATION_HEADS,
} from '#privacy/recognizers/cues/organization_cues'

const SOURCE = 'dictionary:organization'
const MAX_CUED_WORDS = 6
/** Lowercase words allowed inside an organisation's name ("Women's Health of the Palouse", "Kidsfirst Pediatrics of Plano"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'los', 'las'])
/** Capitalised words that start a sentence or a label rather than a name. */
const LEADING_NOISE = new Set(['the', 'a', 'an', 'at', 'to', 'from', 'via', 'rx', 'per', 'seen', 'referred', 'refer', 'follow', 'see', 'call', 'contact', 'with', 'by', 'and', 'of', 'for', 'in', 'on'])
const ABBREVIATIONS = new Set(['st', 'mt', 'ft', 'saint'])
/** The words EMPLOYER_CUE and ORGANIZATION_LABEL can end with (before the white space), besides ":" and "(". */
const CUE_LAST_WORDS = new Set(['at', 'for', 'by', 'from', 'with', 'to', 'the'])
const POST_NUMBER = /^[ \t]+(?:No\.?\s*|#\s*)?\d+/

/** Dictionary organisation names split into words, by first word; built once per dictionary. */
const indexes = new WeakMap<Set<string>, Map<string, string[][]>>()

/**
 * Hospitals, clinics, employers, schools and pharmacies: names from the
 * dictionary, capitalised phrases ending in an organisation word
 * ("Riverbank General Hospital", "Ferris & Keegan LLP"), phrases after
 * employer cues ("works at"), and pharmacy chains. A department alone
 * ("Cardiology", "Nephrology Clinic", "the ED") is not an organisation.
 */
export class OrganizationRecognizer implements Recognizer {
  readonly name = SOURCE

  constructor(private allowList: AllowList = AllowList.builtIn()) {}

  recognize(text: string, context: RecognizerContext): PhiSpan[] {
    const tokens = wordTokens(text)
    const spans: PhiSpan[] = []
    for (const chain of phraseChains(text, tokens)) {
      const found = this.#byHead(text, chain) ?? byCue(text, chain)
      if (found) spans.push(found)
    }
    for (const match of text.matchAll(PHARMACY_CHAINS)) spans.push(span(text, match.index, match.index + match[0].length, 0.85))
    spans.push(...dictionaryMatches(text, tokens, context.dictionaries.organizations))
    spans.push(...repeats(text, spans))
    return outermost(spans)
  }

  /** A phrase ending in an organisation word, with at least one word that is not department vocabulary. */
  #byHead(text: string, chain: WordToken[]): PhiSpan | undefined {
    let head = -1
    for (let i = chain.length - 1; i >= 0; i--) {
      if ((chain[i].capitalised || chain[i].allCaps) && ORGANIZATION_HEADS.has(chain[i].lower)) {
        head = i
        break
      }
    }
    if (head < 0) return undefined
    let end = head
    // "Kidsfirst Pediatrics of Plano", "University of Washington".
    if (end + 2 < chain.length && chain[end + 1].lower === 'of') end = chain.length - 1
    const start = firstWord(chain, head)
    if (start > head) return undefined
    const words = chain.slice(start, end + 1)
    if (words.every((word) => word.allCaps || CONNECTORS.has(word.text))) return undefined
    const strong = STRONG_ORGANIZATION_HEADS.has(chain[head].lower)
    const naming = words.filter((word, i) => i + start !== head && !CONNECTORS.has(word.text) && this.#namingWord(word, strong))
    if (naming.length === 0) return undefined
    let endOffset = chain[end].end
    if (chain[head].lower === 'post' && end === head) {
      const number = POST_NUMBER.exec(text.slice(endOffset))
      if (!number) return undefined
      endOffset += number[0].length
    }
    return span(text, words[0].start, endOffset, 0.88)
  }

  /** A word that names this organisation rather than describing a service. */
  #namingWord(word: WordToken, strongHead: boolean): boolean {
    if (DEPARTMENT_WORDS.has(word.lower) || NOT_NAME_WORDS.has(word.lower) || SERVICE_ORGANIZATION_HEADS.has(word.lower)) return false
    if (word.allCaps && word.text.length > 4) return false
    return strongHead || !this.allowList.isClinicalWord(word.lower)
  }
}

/** A capitalised phrase after "works at", "Employer:", "Rx sent to". */
function byCue(text: string, chain: WordToken[]): PhiSpan | undefined {
  const start = firstWord(chain, chain.length - 1)
  if (start >= chain.length) return undefined
  // firstWord skips connectors, so the phrase starts at chain[start]; most phrases have no cue before them, checked before any slicing.
  const phraseStart = chain[start].start
  const before = text.slice(lineStartWithin(text, phraseStart, 90), phraseStart)
  if (!endsLikeCue(before)) return undefined
  if (!EMPLOYER_CUE.test(before) && !ORGANIZATION_LABEL.test(before)) return undefined
  const words = trimTrailingConnectors(chain.slice(start, start + MAX_CUED_WORDS))
  const content = words.filter((word) => !CONNECTORS.has(word.text))
  if (content.every((word) => DEPARTMENT_WORDS.has(word.lower) || NOT_NAME_WORDS.has(word.lower))) return undefined
  if (content.every((word) => word.allCaps && word.text.length > 5)) return undefined
  return span(text, words[0].start, words.at(-1)!.end, 0.7)
}

/** Ends the way EMPLOYER_CUE or ORGANIZATION_LABEL must: with ":" or "(" (and maybe white space), or one of CUE_LAST_WORDS and white space. */
function endsLikeCue(before: string): boolean {
  const lastCharacter = lastNonSpace(before)
  return lastCharacter === ':' || lastCharacter === '(' || CUE_LAST_WORDS.has(lastWordBeforeSpace(before))
}

/** The start of the line holding `offset`, or `offset - limit` when the line starts further back. */
function lineStartWithin(text: string, offset: number, limit: number): number {
  const from = Math.max(0, offset - limit)
  for (let i = offset - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i + 1
  return from
}

/** Skips sentence and label words at the start of a phrase ("Rx", "The", "Dr"). */
function firstWord(chain: WordToken[], limit: number): number {
  let start = 0
  while (start <= limit && (LEADING_NOISE.has(chain[start].lower) || TITLES.has(chain[start].lower) || CONNECTORS.has(chain[start].text))) start++
  return start
}

function trimTrailingConnectors(words: WordToken[]): WordToken[] {
  let end = words.length
  while (end > 0 && CONNECTORS.has(words[end - 1].text)) end--
  return words.slice(0, end)
}

/** Runs of capitalised words, with "&", "of", "the", "'s" and "St." allowed inside. */
function phraseChains(text: string, tokens: WordToken[]): WordToken[][] {
  const chains: WordToken[][] = []
  let chain: WordToken[] = []
  let pending: WordToken[] = []
  for (const token of tokens) {
    const previous = pending.length > 0 ? pending[pending.length - 1] : chain.length > 0 ? chain[chain.length - 1] : undefined
    if (token.capitalised || token.allCaps) {
      if (previous === undefined || !linkedTo(text, previous, token)) {
        if (chain.length > 0) chains.push(chain)
        chain = []
      } else {
        chain.push(...pending)
      }
      if (pending.length > 0) pending = []
      chain.push(token)
    } else if (chain.length === 0) {
      // Most words: a lowercase word with no phrase open.
      if (pending.length > 0) pending = []
    } else if (token.text === 'and' && pending.length === 0 && ORGANIZATION_HEADS.has(chain[chain.length - 1].lower)) {
      // "Santa Fe Women's Clinic and Saint Vincent Regional Medical Center" are two.
      chains.push(chain)
      chain = []
    } else if (CONNECTORS.has(token.text) && linkedTo(text, previous!, token)) {
      pending.push(token)
    } else {
      chains.push(chain)
      chain = []
      pending = []
    }
  }
  if (chain.length > 0) chains.push(chain)
  return chains
}

function linkedTo(text: string, previous: WordToken, token: WordToken): boolean {
  // One space, the usual gap, is checked without slicing the text.
  if (token.start - previous.end === 1 && text.charCodeAt(previous.end) === 32) return true
  return linkGap(previous, text.slice(previous.end, token.start))
}

function linkGap(previous: WordToken, gap: string): boolean {
  if (/^(?:['’]s)?(?: |[ ]?&[ ]?|[ ]?\+[ ]?)$/.test(gap)) return true
  return gap === '. ' && ABBREVIATIONS.has(previous.lower)
}

/** Whole dictionary names (two words or more), written with capitals in the text. */
function dictionaryMatches(text: string, tokens: WordToken[], organizations: Set<string>): PhiSpan[] {
  if (organizations.size === 0) return []
  const index = dictionaryIndex(organizations)
  const spans: PhiSpan[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (!token.capitalised && !token.allCaps) continue
    const candidates = index.get(token.lower)
    if (!candidates) continue
    let bestEnd = -1
    for (const words of candidates) {
      if (i + words.length > tokens.length) continue
      let matches = true
      for (let k = 1; k < words.length && matches; k++) {
        const current = tokens[i + k]
        const gap = text.slice(tokens[i + k - 1].end, current.start)
        matches = current.lower === words[k] && !gap.includes('\n') && gap.length <= 4 && (current.capitalised || current.allCaps || CONNECTORS.has(current.text))
      }
      if (matches) bestEnd = Math.max(bestEnd, tokens[i + words.length - 1].end)
    }
    if (bestEnd > 0) spans.push(span(text, token.start, bestEnd, 0.9))
  }
  return spans
}

function dictionaryIndex(organizations: Set<string>): Map<string, string[][]> {
  let index = indexes.get(organizations)
  if (index) return index
  index = new Map()
  for (const name of organizations) {
    const words = wordTokens(name).map((word) => word.lower)
    if (words.length < 2) continue
    if (words.every((word) => DEPARTMENT_WORDS.has(word) || CONNECTORS.has(word) || ORGANIZATION_HEADS.has(word))) continue
    const list = index.get(words[0]) ?? []
    list.push(words)
    index.set(words[0], list)
  }
  indexes.set(organizations, index)
  return index
}

/**
 * Later mentions of an organisation already found. A bounded mention starts
 * where a letter or digit follows something else, so names are looked up
 * from those positions by their first two characters rather than searched
 * for one by one; names that could overlap themselves keep the plain search.
 */
function repeats(text: string, spans: PhiSpan[]): PhiSpan[] {
  const names = new Set(spans.filter((found) => found.score >= 0.8).map((found) => found.text))
  const found: PhiSpan[] = []
  const byStart = new Map<number, string[]>()
  for (const name of names) {
    if (name.length < 2 || !isWordCharacter(name.charCodeAt(0)) || hasBorder(name)) {
      searchRepeats(text, name, spans, found)
      continue
    }
    const key = startKey(name.charCodeAt(0), name.charCodeAt(1))
    const list = byStart.get(key)
    if (list) list.push(name)
    else byStart.set(key, [name])
  }
  if (byStart.size === 0) return found
  let previousIsWord = false
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    const word = isWordCharacter(code)
    if (word && !previousIsWord) {
      const candidates = byStart.get(startKey(code, text.charCodeAt(at + 1)))
      if (candidates) {
        for (const name of candidates) {
          const end = at + name.length
          if (text.startsWith(name, at) && !isWordCharacter(text.charCodeAt(end)) && !contains(spans, at, end)) found.push(span(text, at, end, 0.8))
        }
      }
    }
    previousIsWord = word
  }
  return found
}

/** A small-integer key for a name's first two characters; names sharing a key are told apart by startsWith. */
function startKey(first: number, second: number): number {
  return ((first & 0x3fff) << 14) | (second & 0x3fff)
}

function searchRepeats(text: string, name: string, spans: PhiSpan[], found: PhiSpan[]): void {
  let from = 0
  for (;;) {
    const at = text.indexOf(name, from)
    if (at < 0) break
    const end = at + name.length
    from = end
    const bounded = !isWordCharacter(text.charCodeAt(at - 1)) && !isWordCharacter(text.charCodeAt(end))
    if (bounded && !contains(spans, at, end)) found.push(span(text, at, end, 0.8))
  }
}

function contains(spans: PhiSpan[], start: number, end: number): boolean {
  return spans.some((existing) => existing.start <= start && end <= existing.end)
}

/** True when a proper prefix of `name` is also its suffix, so two mentions could overlap. */
function hasBorder(name: string): boolean {
  for (let length = 1; length < name.length; length++) if (name.endsWith(name.slice(0, length))) return true
  return false
}

const WORD_CHARACTER = /[\p{L}\d]/u

/** A letter or digit (the code unit alone, as `text[i]` would give it); false past either end of the text (NaN). */
function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return code === code && WORD_CHARACTER.test(String.fromCharCode(code))
}

/** Drops spans inside another one ("CVS Pharmacy" inside "CVS Pharmacy #4512"), keeping the best score of each. */
function outermost(spans: PhiSpan[]): PhiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score)
  const kept: PhiSpan[] = []
  for (const candidate of sorted) {
    const outer = kept.find((span) => span.start <= candidate.start && candidate.end <= span.end)
    if (outer) outer.score = Math.max(outer.score, candidate.score)
    else kept.push(candidate)
  }
  return kept
}

function span(text: string, start: number, end: number, score: number): PhiSpan {
  return { start, end, type: 'ORGANIZATION', text: text.slice(start, end), score, source: SOURCE }
}
