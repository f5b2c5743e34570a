import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import type { Dictionaries } from '#privacy/reference/dictionaries'
import { AllowList } from '#privacy/allow_list/allow_list'
import { joined, lowercaseVocabulary, wordTokens, type WordToken } from '#privacy/recognizers/cues/word_tokens'
import { CREDENTIALS, AMBIGUOUS_CREDENTIALS, NOT_NAME_WORDS, NOT_PERSON_PROPER_WORDS, PERSON_LABELS, PERSON_LEAD_INS, RELATIVES, TITLES } from '#privacy/recognizers/cues/name_cues'
import { DEPARTMENT_WORDS, NOT_PERSON_FOLLOWERS, ORGANIZATION_HEADS } from '#privacy/recognizers/cues/organization_cues'
import { isSpace } from '#privacy/recognizers/cues/text_before'

const SOURCE = 'dictionary:name'
const MAX_NAME_WORDS = 4
/** A lone capitalised word without name context is taken for a name only when the name is at least this frequent (log scale). */
const LONE_NAME_FREQUENCY = 0.5
const LONE_NAME_FREQUENCY_AT_SENTENCE_START = 0.8

function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|')
}

const LABEL_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'’])(?:${alternation(PERSON_LABELS)}|\p{L}+(?:ist|ian|ists|ians))\s*:\s*$`, 'iu')
const LEAD_IN_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'’])(?:${alternation(PERSON_LEAD_INS)})\s*:?\s+$`, 'iu')
const TITLE_ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'rev'])
const LEAD_IN_LAST_WORDS = new Set(PERSON_LEAD_INS.map((phrase) => phrase.split(' ').at(-1)!))
const RELATIVE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${alternation(RELATIVES)})(?:\s*[(,:]\s*|\s+)$`, 'iu')
/** Credentials written as they are (MD, PharmD, Ph.D.), after an optional comma. */
const CREDENTIAL_AFTER = /^(,?)[ \t]*((?:[A-Z][A-Za-z]*\.?){1,3}(?:-[A-Z]+)?(?:\/[A-Z]+)?)(?![\p{L}\d])/u
/** "Ethan Vanderpool, 16 M", "Priya Chandrasekar     29 F", "Francesca Albanese     DOB". */
const DEMOGRAPHICS_AFTER = /^[ \t]*[,(]?[ \t]*(?:\d{1,3}[ \t]*(?:y\/o|yo|y|yrs?|years?(?:[ -]old)?|mo|months?(?:[ -]old)?|wk|weeks?)?[ \t]*(?:[MF]|male|female)?(?![\p{L}\d])|(?:DOB|D\.O\.B\.?|born)(?![\p{L}]))/u
/** Something that proves a pure digit run is an age-sex pattern rather than any number. */
const AGE_SEX = /^[ \t]*[,(]?[ \t]*\d{1,3}[ \t]*(?:y\/o|yo|y|yrs?|years?|mo|months?)?[ \t]*(?:[MF]|male|female)(?![\p{L}\d])|^[ \t]*[,(][ \t]*\d{1,3}[ \t]*(?:y\/o|yo|y|yrs?|years?(?:[ -]old)?|mo|months?(?:[ -]old)?)(?![\p{L}\d])|^(?:[ \t]{2,}|[ \t]*[,(][ \t]*)(?:DOB|D\.O\.B|born)(?![\p{L}])/u
/** A name as the subject of a sentence: "Nora is very reliable", "Diana works at...". */
const SUBJECT_VERB_AFTER = /^ (?:is|was|has|had|will|would|can|could|says|said|lives|lived|works|worked|began|started|reports|reported|states|stated|denies|presents|called|went|came|shouted|wants|needs|asked|told|and (?:I|his|her))\b/u
const COORDINATION = /^\s*(?:and|&|or|\/)\s*$/iu
/** A speaker's name at the start of a line: "Nicole: Remember me?" (a colon, then a space, a tab or a quote). */
function speakerLabelAt(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 58) return false
  const next = text.charCodeAt(offset + 1)
  return next === 32 || next === 9 || next === 34 || next === 0x201c
}
const NICKNAME_AFTER = /^\s*\(?\s*["“]([\p{Lu}][\p{Ll}]+)["”]\s*\)?/u

/** Words that end a chain of name words (besides credentials), in one set: this is asked for every capitalised word. */
const CHAIN_BREAKERS: ReadonlySet<string> = new Set([...NOT_NAME_WORDS, ...NOT_PERSON_PROPER_WORDS, ...TITLES, ...RELATIVES, ...ORGANIZATION_HEADS])

interface Chain {
  tokens: WordToken[]
  /** The word before the chain, if any. */
  previous: WordToken | undefined
  /** Joined to an organisation or street word on its right ("Pine Hollow Family Medicine", "Depot Street"). */
  beforePlaceWord: boolean
  /** Joined to another capitalised word that cannot be part of a name ("Valley Oak Family"). */
  beforeOtherWord: boolean
  /** That word. */
  follower: WordToken | undefined
  /** Index of the chain's last word in the text's tokens. */
  lastIndex: number
}

/**
 * People's names: first names, initials and surnames, found from name
 * context (titles, labels such as "Patient:", relatives, credentials,
 * age-sex after a name) and from the name dictionaries, with frequency
 * awareness: a word that is also an ordinary word ("Will", "Hope") counts
 * only in name context. A name found once marks its other occurrences too.
 */
export class NameRecognizer implements Recognizer {
  readonly name = SOURCE

  constructor(private allowList: AllowList = AllowList.builtIn()) {}

  recognize(text: string, context: RecognizerContext): PhiSpan[] {
    const tokens = wordTokens(text)
    const vocabulary = lowercaseVocabulary(tokens)
    const judge = new WordJudge(context.dictionaries, this.allowList, vocabulary)
    const spans: PhiSpan[] = []
    let lastNameEnd = -1

    for (const chain of chains(text, tokens, judge)) {
      if (chain.tokens[0].start < lastNameEnd) continue
      const found = this.#nameInChain(text, chain, judge, lastNameEnd)
      if (!found) continue
      const [first, last, score] = found
      const span = withLastFirst(text, tokens, first, last, tokens[chain.lastIndex] === last ? chain.lastIndex : -1, judge)
      spans.push(makeSpan(text, span[0].start, span[1].end, score))
      lastNameEnd = span[1].end
    }

    spans.push(...nicknames(text, spans))
    spans.push(...repeats(text, tokens, spans, judge))
    return dedupe(spans)
  }

  /** The name part of a chain of capitalised words, with its score, or undefined. */
  #nameInChain(text: string, chain: Chain, judge: WordJudge, lastNameEnd: number): [WordToken, WordToken, number] | undefined {
    const words = chain.tokens
    const first = words[0]
    const last = words.at(-1)!
    const after = text.slice(last.end, last.end + 40)
    const previous = chain.previous
    const gap = previous ? text.slice(previous.end, first.start) : ''
    const before = () => text.slice(Math.max(0, first.start - 40), first.start)

    if (previous && TITLES.has(previous.lower) && (gap === ' ' || (TITLE_ABBREVIATIONS.has(previous.lower) && /^\.?\s+$/.test(gap)))) return [words[0], words[Math.min(words.length, MAX_NAME_WORDS) - 1], 0.9]
    if (chain.beforePlaceWord || (chain.follower && DEPARTMENT_WORDS.has(chain.follower.lower))) return undefined
    const strongBefore =
      speakerLabelAt(text, last.end) && atLineStart(text, first) && words.length <= 2 && words.some((word) => judge.knownName(word)) ||
      (gap.includes(':') && /^\s*:\s*$/.test(gap) && LABEL_BEFORE.test(before())) ||
      (previous !== undefined && LEAD_IN_LAST_WORDS.has(previous.lower) && LEAD_IN_BEFORE.test(before())) ||
      (previous !== undefined && RELATIVES.has(previous.lower) && RELATIVE_BEFORE.test(before())) ||
      (lastNameEnd >= 0 && lastNameEnd <= first.start && COORDINATION.test(text.slice(lastNameEnd, first.start)))
    if (strongBefore) {
      const kept = words.slice(0, MAX_NAME_WORDS)
      if (kept.some((word) => word.allCaps) && !kept.some((word) => judge.inNameLists(word))) return undefined
      return [kept[0], kept.at(-1)!, 0.9]
    }

    const strongAfter = hasCredentialAfter(after, words.length) || ageSexAfter(after) || (atLineStart(text, first) && DEMOGRAPHICS_AFTER.test(after) && /DOB|born/i.test(after.slice(0, 20)))
    if (strongAfter) {
      const kept = words.slice(-MAX_NAME_WORDS)
      if (kept.every((word) => judge.allowListed(word))) return undefined
      if (kept.some((word) => word.allCaps) && !kept.some((word) => judge.inNameLists(word))) return undefined
      return [kept[0], kept.at(-1)!, 0.9]
    }

    if (chain.beforeOtherWord) return undefined
    return this.#nameFromDictionaries(text, words, judge)
  }

  /**
   * Two or three capitalised words that no list knows, inside a sentence
   * ("Krisztián Szöllösy"): most likely a person (or a place or an
   * organisation, which the other recognizers type better), so reported
   * with a low score.
   */
  #unknownWords(text: string, words: WordToken[], judge: WordJudge): [WordToken, WordToken, number] | undefined {
    if (words.length < 2 || words.length > 3) return undefined
    if (atSentenceStart(text, words[0])) return undefined
    if (words.filter((word) => !isInitial(word)).length < 2 || isInitial(words[0]) || isInitial(words.at(-1)!)) return undefined
    if (!words.every((word) => isInitial(word) || (judge.unknownCapitalised(word) && !judge.allowListed(word) && !judge.inNameLists(word)))) return undefined
    return [words[0], words.at(-1)!, 0.4]
  }

  /** Without context: known names that are not ordinary words, and the capitalised words next to them. */
  #nameFromDictionaries(text: string, words: WordToken[], judge: WordJudge): [WordToken, WordToken, number] | undefined {
    if (words.some((word) => word.allCaps)) return undefined
    if (words.length > MAX_NAME_WORDS) return undefined
    if (words.length === 1) {
      // A lone capitalised word: only a frequent name, and not where any word is capitalised (start of a sentence or a list item).
      const word = words[0]
      if (word.initial || !judge.knownName(word)) return undefined
      const subject = SUBJECT_VERB_AFTER.test(text.slice(word.end, word.end + 16))
      const threshold = atSentenceStart(text, word) && !subject ? LONE_NAME_FREQUENCY_AT_SENTENCE_START : LONE_NAME_FREQUENCY
      if (judge.nameFrequency(word) < threshold) return undefined
      return [word, word, 0.45]
    }
    // "I'm Naomi Ryan", "Producer James Sparks": the name starts at its first known first name.
    const from = words.findIndex((word) => isInitial(word) || judge.knownFirstName(word))
    if (from < 0) return this.#unknownWords(text, words, judge)
    if (from > 0) return this.#nameFromDictionaries(text, words.slice(from), judge)
    const [head, ...rest] = words
    if (rest.length === 0) return this.#nameFromDictionaries(text, [head], judge)
    if (!rest.every((word) => isInitial(word) || judge.knownName(word) || judge.unknownCapitalised(word))) return undefined
    if (rest.every((word) => isInitial(word))) return undefined
    const frequent = words.filter((word) => judge.knownName(word) && judge.nameFrequency(word) >= LONE_NAME_FREQUENCY).length
    return [head, words.at(-1)!, frequent >= 2 ? 0.85 : 0.7]
  }
}

/** Decides what a single word is, given the dictionaries, the allow-list and the text's own lowercase words. */
class WordJudge {
  constructor(
    private dictionaries: Dictionaries,
    private allowList: AllowList,
    private vocabulary: Set<string>
  ) {}

  allowListed(word: WordToken): boolean {
    return this.allowList.isTerm(word.lower)
  }

  ordinaryWord(word: WordToken): boolean {
    return this.dictionaries.commonWords.has(word.lower) || this.vocabulary.has(word.lower) || this.allowList.isClinicalWord(word.lower)
  }

  inNameLists(word: WordToken): boolean {
    return this.dictionaries.firstNames.has(word.lower) || this.dictionaries.lastNames.has(word.lower)
  }

  /** How common the word is as a first name or surname (0 when unknown), log-scaled like the dictionaries. */
  nameFrequency(word: WordToken): number {
    return Math.max(this.dictionaries.firstNames.get(word.lower) ?? 0, this.dictionaries.lastNames.get(word.lower) ?? 0)
  }

  knownFirstName(word: WordToken): boolean {
    return this.dictionaries.firstNames.has(word.lower) && !this.ordinaryWord(word)
  }

  knownName(word: WordToken): boolean {
    return (this.dictionaries.firstNames.has(word.lower) || this.dictionaries.lastNames.has(word.lower)) && !this.ordinaryWord(word)
  }

  /** A capitalised word no list knows: a rare surname, most likely, when it stands next to a known name. */
  unknownCapitalised(word: WordToken): boolean {
    if (!word.capitalised || word.text.length < 2) return false
    if (this.ordinaryWord(word) || this.dictionaries.cities.has(word.lower) || this.dictionaries.states.has(word.lower)) return false
    return true
  }

  /** Words that end a chain of name words. */
  breaksChain(word: WordToken): boolean {
    return CHAIN_BREAKERS.has(word.lower) || isCredential(word)
  }
}

/** "McDonald", "MacAllister", "DeShawn", "O'Brien", "Smith-Jones" have inner capitals; "PaCO", "ClearSound" do not look like names. */
function nameCapitals(word: WordToken): boolean {
  if (noInnerCapital(word.text)) return true
  const inner = word.text.slice(1).replace(/['’-]\p{Lu}/gu, '')
  if (!/\p{Lu}/u.test(inner)) return true
  return /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St)\p{Lu}\p{Ll}+$/u.test(word.text.replace(/^.*['’-]/u, ''))
}

/** True when every character after the first is ASCII and not a capital (the common case, checked without a regex). */
function noInnerCapital(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 128 || (code >= 65 && code <= 90)) return false
  }
  return true
}

function isInitial(word: WordToken): boolean {
  return word.initial || (word.text.length === 1 && /\p{Lu}/u.test(word.text))
}

/** "Ravil G Yefimov": one capital letter between capitalised words is a middle initial. */
function bareInitial(text: string, token: WordToken, previous: WordToken | undefined): boolean {
  return token.text.length === 1 && /\p{Lu}/u.test(token.text) && previous !== undefined && previous.capitalised && /^ [\p{Lu}]/u.test(text.slice(token.end, token.end + 2))
}

function isCredential(word: WordToken): boolean {
  if (!CREDENTIALS.has(word.lower)) return false
  const capitals = word.text.replace(/[^A-Z]/g, '').length
  return word.allCaps || capitals >= 2
}

function hasCredentialAfter(after: string, chainLength: number): boolean {
  // CREDENTIAL_AFTER needs a capital letter after an optional comma and blanks (most words have none).
  const code = after.charCodeAt(skipBlanks(after, after.charCodeAt(0) === 44 ? 1 : 0))
  if (!(code >= 65 && code <= 90)) return false
  const match = CREDENTIAL_AFTER.exec(after)
  if (!match) return false
  // "Latrobe, PA 15650": a state code and a ZIP, not a credential.
  if (/^[ \t]*,?[ \t]*\d{5}(?!\d)/.test(after.slice(match[0].length))) return false
  const credential = match[2].replace(/\./g, '').toLowerCase()
  if (!CREDENTIALS.has(credential)) return false
  if (AMBIGUOUS_CREDENTIALS.has(credential)) return match[1] === ',' || chainLength >= 2
  return true
}

/** Index of the first character from `from` that is not a space or a tab. */
function skipBlanks(text: string, from: number): number {
  let i = from
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++
  return i
}

/** AGE_SEX, after a cheap check: every branch has a digit, "D" or "b" after blanks and at most one "," or "(". */
function ageSexAfter(after: string): boolean {
  let i = skipBlanks(after, 0)
  const punctuation = after.charCodeAt(i)
  if (punctuation === 44 || punctuation === 40) i = skipBlanks(after, i + 1)
  const code = after.charCodeAt(i)
  if (!((code >= 48 && code <= 57) || code === 68 || code === 98)) return false
  return AGE_SEX.test(after)
}

function atSentenceStart(text: string, word: WordToken): boolean {
  const before = text.slice(Math.max(0, word.start - 6), word.start)
  return before.length === 0 || /(?:^|[.!?:;\n]|\n\s*(?:[-*•]|\d+[.)]))\s*["'(“]?$/u.test(before)
}

/** Only white space between the start of the line and the word (checked character by character, backwards). */
function atLineStart(text: string, word: WordToken): boolean {
  for (let i = word.start - 1; i >= 0; i--) {
    const code = text.charCodeAt(i)
    if (code === 10) return true
    if (!isSpace(code)) return false
  }
  return true
}

/** Maximal runs of capitalised words and initials, one space apart, that could make a name. */
function chains(text: string, tokens: WordToken[], judge: WordJudge): Chain[] {
  const found: Chain[] = []
  let current: WordToken[] = []
  let beforePlaceWord = false
  let beforeOtherWord = false
  let currentStart = 0
  let follower: WordToken | undefined
  const flush = () => {
    if (current.length > 0) found.push({ tokens: current, previous: tokens[currentStart - 1], beforePlaceWord, beforeOtherWord, follower, lastIndex: currentStart + current.length - 1 })
    current = []
    follower = undefined
    beforePlaceWord = false
    beforeOtherWord = false
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    const previous = current.length > 0 ? current[current.length - 1] : undefined
    const nameShaped = (token.capitalised && nameCapitals(token)) || token.initial || token.allCaps || bareInitial(text, token, previous)
    if (previous && !joined(text, previous, token)) flush()
    if (!nameShaped) {
      if (current.length > 0) flush()
      continue
    }
    if (judge.breaksChain(token)) {
      // "Pine Hollow Family Medicine", "Prairie Rose Medical Center": the words before an organisation or street word are not a name.
      if (current.length > 0 && NOT_PERSON_FOLLOWERS.has(token.lower) && joined(text, current.at(-1)!, token)) beforePlaceWord = true
      if (current.length > 0 && !TITLES.has(token.lower) && !isCredential(token) && joined(text, current.at(-1)!, token)) {
        beforeOtherWord = true
        follower = token
      }
      flush()
      continue
    }
    if (current.length === 0) currentStart = index
    current.push(token)
  }
  flush()
  return found
}

/** "Talbot, Gregory": a surname, a comma and a known first name are one name. */
function withLastFirst(text: string, tokens: WordToken[], first: WordToken, last: WordToken, index: number, judge: WordJudge): [WordToken, WordToken] {
  if (first !== last || index < 0) return [first, last]
  const next = tokens[index + 1]
  if (!next || text.slice(last.end, next.start) !== ', ' || !next.capitalised || !judge.knownFirstName(next)) return [first, last]
  let end = next
  const initial = tokens[index + 2]
  if (initial && initial.initial && joined(text, next, initial)) end = initial
  return [first, end]
}

function nicknames(text: string, spans: PhiSpan[]): PhiSpan[] {
  const found: PhiSpan[] = []
  for (const span of spans) {
    const match = NICKNAME_AFTER.exec(text.slice(span.end, span.end + 40))
    if (!match) continue
    const start = span.end + match.index + match[0].indexOf(match[1])
    found.push(makeSpan(text, start, start + match[1].length, 0.8))
  }
  return found
}

/** Other occurrences of the words of names already found: "Mr. Talbot" later, or "Talbot" alone. */
function repeats(text: string, tokens: WordToken[], spans: PhiSpan[], judge: WordJudge): PhiSpan[] {
  const nameWords = new Set<string>()
  for (const span of spans) {
    if (span.score < 0.7) continue
    for (let index = firstTokenFrom(tokens, span.start); index < tokens.length && tokens[index].start < span.end; index++) {
      const word = tokens[index]
      if (word.end > span.end) continue
      if (word.text.length < 2 || word.initial || judge.ordinaryWord(word) || judge.allowListed(word)) continue
      nameWords.add(word.text)
    }
  }
  if (nameWords.size === 0) return []
  const covered = (token: WordToken) => spans.some((span) => span.start <= token.start && token.end <= span.end)
  return tokens.filter((token) => nameWords.has(token.text) && !covered(token)).map((token) => makeSpan(text, token.start, token.end, 0.8))
}

/** Index of the first token starting at or after `offset` (tokens are in text order). */
function firstTokenFrom(tokens: WordToken[], offset: number): number {
  let low = 0
  let high = tokens.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (tokens[middle].start < offset) low = middle + 1
    else high = middle
  }
  return low
}

function makeSpan(text: string, start: number, end: number, score: number): PhiSpan {
  return { start, end, type: 'NAME', text: text.slice(start, end), score, source: SOURCE }
}

function dedupe(spans: PhiSpan[]): PhiSpan[] {
  const byRange = new Map<string, PhiSpan>()
  for (const span of spans) {
    const key = `${span.start}:${span.end}`
    const existing = byRange.get(key)
    if (!existing || existing.score < span.score) byRange.set(key, span)
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end)
}
