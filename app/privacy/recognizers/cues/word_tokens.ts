/** One word of a text, with what the dictionary recognizers need to know about its shape. */
export interface WordToken {
  start: number
  /** End of the word without a trailing possessive ('s). */
  end: number
  text: string
  lower: string
  /** Starts with a capital and is not all capitals ("Talbot", "McDonald", "O'Brien"). */
  capitalised: boolean
  /** Two or more letters, all capitals ("MD", "TALBOT"). */
  allCaps: boolean
  /** One capital letter followed by a full stop ("M."). */
  initial: boolean
}

// Letters with combining marks, joined by apostrophes or hyphens: O'Brien, Mary-Kate, Nguyễn.
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu
const UPPER = /^\p{Lu}/u
const HAS_LOWER = /\p{Ll}/u

// The recognizers run one after the other on the same text: the last text's words are kept.
let lastText: string | undefined
let lastTokens: WordToken[] = []

/** The words of `text` in order (the array is shared: do not modify it). */
export function wordTokens(text: string): WordToken[] {
  if (text === lastText) return lastTokens
  const tokens = tokenize(text)
  lastText = text
  lastTokens = tokens
  return tokens
}

function isUpper(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return UPPER.test(word)
}

function hasLowercase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 97 && code <= 122) return true
    if (code >= 128) return HAS_LOWER.test(word)
  }
  return false
}

function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = []
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const start = match.index
    let word = match[0]
    const apostrophe = word.length > 3 ? word.charCodeAt(word.length - 2) : 0
    if ((apostrophe === 39 || apostrophe === 0x2019) && word.endsWith('s')) word = word.slice(0, -2)
    const end = start + word.length
    const upperFirst = isUpper(word)
    const hasLower = hasLowercase(word)
    tokens.push({
      start,
      end,
      text: word,
      lower: word.toLowerCase(),
      capitalised: upperFirst && hasLower,
      allCaps: !hasLower && word.length > 1 && upperFirst,
      initial: word.length === 1 && upperFirst && text[end] === '.',
    })
  }
  return tokens
}

/** The characters between two tokens. */
export function gapBetween(text: string, left: WordToken, right: WordToken): string {
  return text.slice(left.end, right.start)
}

/** Words that sit next to each other in a name or a place: one space, or an initial's full stop and a space. */
export function joined(text: string, left: WordToken, right: WordToken): boolean {
  // Compares characters rather than slicing: this runs for almost every pair of words.
  const length = right.start - left.end
  if (length === 1 && text.charCodeAt(left.end) === 32) return true
  if (!left.initial || text.charCodeAt(left.end) !== 46) return false
  return length === 1 || (length === 2 && text.charCodeAt(left.end + 1) === 32)
}

/** Lowercase words that occur in lowercase somewhere in the text: a sign that their capitalised form is an ordinary word (the set is shared: do not modify it). */
export function lowercaseVocabulary(tokens: WordToken[]): Set<string> {
  if (tokens === lastVocabularyTokens) return lastVocabulary
  const words = new Set<string>()
  for (const token of tokens) if (token.text === token.lower) words.add(token.lower)
  lastVocabularyTokens = tokens
  lastVocabulary = words
  return words
}

// Shared by the recognizers like the tokens (the set is shared: do not modify it).
let lastVocabularyTokens: WordToken[] | undefined
let lastVocabulary = new Set<string>()
