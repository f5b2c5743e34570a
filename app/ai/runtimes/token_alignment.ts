/**
 * Aligns the token strings a Hugging Face tokenizer produced back to character
 * offsets in the ORIGINAL text. transformers.js returns no offsets, so we
 * replay the tokenizer's normaliser one code point at a time (every
 * normalised character remembers which original characters it came from)
 * and match each token, stripped of its subword marker, against that
 * normalised text from left to right, skipping whitespace.
 *
 * Pure functions: no model, no I/O.
 */

/** How the tokenizer marks words and subwords. */
export type TokenScheme = 'wordpiece' | 'sentencepiece' | 'byte-level'

export interface AlignmentOptions {
  scheme: TokenScheme
  /** The tokenizer's normaliser applied to one code point; identity when absent. */
  normalize?: (text: string) => string
  /** The tokenizer's unknown token, e.g. `[UNK]` or `<unk>`. */
  unknownToken?: string
  /** WordPiece continuation prefix (default `##`). */
  continuationPrefix?: string
}

/** Where a token sits in the original text (JS string indexes, end exclusive). */
export interface TokenOffset {
  start: number
  end: number
  /** The token continues the word of the previous token (WordPiece `##x`, or no word-start marker). */
  continuation: boolean
}

/** One normalised unit (a code point, or a UTF-8 byte in byte-level mode) and where it came from. */
interface NormalizedText {
  units: number[]
  start: number[]
  end: number[]
  space: boolean[]
  /** Punctuation or CJK: a word of its own for the BERT pre-tokenizer. */
  standalone: boolean[]
  textLength: number
}

const SPACE = /^[\s\u2581]$/u
const PUNCTUATION = /^\p{P}$/u
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/
const CJK = /^[\u4E00-\u9FFF\u3400-\u4DBF\u{20000}-\u{2A6DF}\u{2A700}-\u{2CEAF}\uF900-\uFAFF\u{2F800}-\u{2FA1F}]$/u
/** How far ahead a token that does not match at the cursor is looked for. */
const SEARCH_WINDOW = 256

function isStandalone(char: string): boolean {
  return ASCII_PUNCTUATION.test(char) || PUNCTUATION.test(char) || CJK.test(char)
}

/** GPT-2's byte <-> printable character table used by byte-level BPE. */
function byteLevelDecoder(): Map<string, number> {
  const bytes: number[] = []
  for (let b = 0x21; b <= 0x7e; b++) bytes.push(b)
  for (let b = 0xa1; b <= 0xac; b++) bytes.push(b)
  for (let b = 0xae; b <= 0xff; b++) bytes.push(b)
  const chars = [...bytes]
  let extra = 0
  for (let b = 0; b < 256; b++) {
    if (!bytes.includes(b)) {
      bytes.push(b)
      chars.push(256 + extra++)
    }
  }
  return new Map(bytes.map((b, i) => [String.fromCodePoint(chars[i]), b]))
}

let byteDecoder: Map<string, number> | undefined
const utf8 = new TextEncoder()

/** Normalises `text` code point by code point, keeping each unit's original range. */
export function normalizeWithOffsets(text: string, options: AlignmentOptions): NormalizedText {
  const normalize = options.normalize ?? ((s: string) => s)
  const out: NormalizedText = { units: [], start: [], end: [], space: [], standalone: [], textLength: text.length }
  let index = 0
  for (const char of text) {
    const start = index
    const end = index + char.length
    index = end
    const normalized = normalize(char)
    if (normalized.length === 0) {
      /* A removed combining mark (accent, variation selector) belongs to the unit before it. */
      const last = out.units.length - 1
      if (/^\p{M}$/u.test(char) && last >= 0 && !out.space[last] && out.end[last] === start) out.end[last] = end
      continue
    }
    for (const piece of normalized) {
      const space = SPACE.test(piece)
      const standalone = isStandalone(piece)
      const codes = options.scheme === 'byte-level' ? [...utf8.encode(piece)] : [piece.codePointAt(0)!]
      for (const code of codes) {
        out.units.push(code)
        out.start.push(start)
        out.end.push(end)
        out.space.push(space)
        out.standalone.push(standalone)
      }
    }
  }
  return out
}

/** A token's content as units to match, and whether it starts a new word. */
function tokenPiece(token: string, options: AlignmentOptions): { units: number[]; spaces: boolean[]; wordStart: boolean } {
  let content = token
  let wordStart = true
  if (options.scheme === 'wordpiece') {
    const prefix = options.continuationPrefix ?? '##'
    if (content.startsWith(prefix) && content.length > prefix.length) {
      content = content.slice(prefix.length)
      wordStart = false
    }
  }
  if (options.scheme === 'byte-level') {
    byteDecoder ??= byteLevelDecoder()
    const bytes: number[] = []
    for (const char of content) {
      const byte = byteDecoder.get(char)
      if (byte === undefined) bytes.push(...utf8.encode(char))
      else bytes.push(byte)
    }
    const spaces = bytes.map((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d))
    return trimSpaces(bytes, spaces, spaces[0] ?? false)
  }
  if (options.scheme === 'sentencepiece') wordStart = content.startsWith('\u2581')
  const normalize = options.normalize ?? ((s: string) => s)
  const units: number[] = []
  const spaces: boolean[] = []
  for (const char of content) {
    for (const piece of SPACE.test(char) ? ' ' : normalize(char)) {
      units.push(piece.codePointAt(0)!)
      spaces.push(SPACE.test(piece))
    }
  }
  return trimSpaces(units, spaces, wordStart)
}

function trimSpaces(units: number[], spaces: boolean[], wordStart: boolean) {
  let from = 0
  let to = units.length
  while (from < to && spaces[from]) from++
  while (to > from && spaces[to - 1]) to--
  return { units: units.slice(from, to), spaces: spaces.slice(from, to), wordStart }
}

/**
 * Finds where every token of `tokens` (as the tokenizer printed them, without
 * special tokens) sits in `text`. Every token gets an offset; a token that
 * is only whitespace gets an empty range. Offsets never go backwards.
 */
export function alignTokens(text: string, tokens: string[], options: AlignmentOptions): TokenOffset[] {
  const norm = normalizeWithOffsets(text, options)
  const n = norm.units.length
  const offsets: TokenOffset[] = new Array(tokens.length)
  const unknown = options.unknownToken
  let cursor = 0
  let pending: number[] = []

  const skipSpace = (pos: number) => {
    while (pos < n && norm.space[pos]) pos++
    return pos
  }
  const charStart = (pos: number) => (pos < n ? norm.start[pos] : text.length)
  const range = (from: number, to: number) => ({ start: norm.start[from], end: norm.end[to - 1] })

  /** Returns the unit index after a match of `piece` at `pos`, or -1. */
  const matchAt = (pos: number, piece: { units: number[]; spaces: boolean[] }) => {
    let p = pos
    for (let i = 0; i < piece.units.length; i++) {
      if (piece.spaces[i]) {
        if (p >= n || !norm.space[p]) return -1
        p = skipSpace(p)
        while (i + 1 < piece.units.length && piece.spaces[i + 1]) i++
        continue
      }
      if (p >= n || norm.units[p] !== piece.units[i]) return -1
      p++
    }
    return p
  }

  /** Unknown tokens between the cursor and `limit` take one whitespace-separated word each. */
  const resolvePending = (limit: number) => {
    let pos = cursor
    let previous: TokenOffset | undefined
    for (const index of pending) {
      pos = skipSpace(pos)
      if (pos >= limit) {
        offsets[index] = previous ? { ...previous, continuation: true } : { start: charStart(pos), end: charStart(pos), continuation: false }
        continue
      }
      let end = pos
      while (end < limit && !norm.space[end]) end++
      const joined = options.scheme !== 'wordpiece' && index > 0 && pos > 0 && !norm.space[pos - 1]
      previous = { ...range(pos, end), continuation: joined }
      offsets[index] = previous
      pos = end
    }
    pending = []
    cursor = Math.max(cursor, Math.min(pos, limit))
  }

  /** End of the BERT pre-tokenizer word at `pos`: punctuation and CJK stand alone. */
  const wordEnd = (pos: number) => {
    if (norm.standalone[pos]) return pos + 1
    let end = pos
    while (end < n && !norm.space[end] && !norm.standalone[end]) end++
    return end
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const isUnknown = token === unknown
    if (isUnknown && options.scheme === 'wordpiece' && pending.length === 0) {
      /* WordPiece replaces a whole pre-tokenized word it cannot spell by [UNK]. */
      const pos = skipSpace(cursor)
      if (pos >= n) {
        offsets[i] = { start: text.length, end: text.length, continuation: false }
        continue
      }
      const end = wordEnd(pos)
      offsets[i] = { ...range(pos, end), continuation: false }
      cursor = end
      continue
    }
    if (isUnknown) {
      pending.push(i)
      continue
    }
    const piece = tokenPiece(token, options)
    if (piece.units.length === 0) {
      const pos = pending.length > 0 ? cursor : skipSpace(cursor)
      offsets[i] = { start: charStart(pos), end: charStart(pos), continuation: false }
      continue
    }
    const from = skipSpace(cursor)
    let found = -1
    let matchEnd = -1
    const last = Math.min(n, from + SEARCH_WINDOW)
    for (let pos = from; pos < last; pos++) {
      if (norm.space[pos]) continue
      matchEnd = matchAt(pos, piece)
      if (matchEnd >= 0) {
        found = pos
        break
      }
    }
    if (found < 0) {
      pending.push(i)
      continue
    }
    if (pending.length > 0) resolvePending(found)
    const gap = found > 0 && (norm.space[found - 1] || found > cursor)
    offsets[i] = { ...range(found, matchEnd), continuation: !piece.wordStart && !gap && i > 0 }
    cursor = matchEnd
  }
  if (pending.length > 0) resolvePending(n)
  return offsets
}

/**
 * Builds a per-code-point normaliser from tokenizer.json's `normalizer`
 * entry. Steps that act on the whole string (Prepend, Strip) are skipped:
 * whitespace is skipped during alignment anyway.
 */
export function normalizerFromConfig(config: unknown): (text: string) => string {
  const steps: Array<(s: string) => string> = []
  const add = (entry: any) => {
    if (!entry || typeof entry !== 'object') return
    switch (entry.type) {
      case 'Sequence':
        for (const inner of entry.normalizers ?? []) add(inner)
        break
      case 'BertNormalizer': {
        const lowercase = entry.lowercase ?? true
        const stripAccents = entry.strip_accents ?? lowercase
        steps.push((s) => {
          if (entry.clean_text ?? true) {
            if (s === '\0' || s === '\uFFFD' || (/^\p{C}$/u.test(s) && !/^[\t\n\r]$/.test(s))) return ''
            if (/^\s$/u.test(s)) return ' '
          }
          if ((entry.handle_chinese_chars ?? true) && CJK.test(s)) return ` ${s} `
          let result = lowercase ? s.toLowerCase() : s
          if (stripAccents) result = result.normalize('NFD').replace(/\p{Mn}/gu, '')
          return result
        })
        break
      }
      case 'Lowercase':
        steps.push((s) => s.toLowerCase())
        break
      case 'StripAccents':
        steps.push((s) => s.normalize('NFD').replace(/\p{Mn}/gu, ''))
        break
      case 'NFC':
      case 'NFD':
      case 'NFKC':
      case 'NFKD':
        steps.push((s) => s.normalize(entry.type))
        break
      case 'Precompiled':
        steps.push((s) => s.normalize('NFKC'))
        break
      case 'Replace': {
        const pattern = entry.pattern?.String
        if (typeof pattern === 'string' && pattern.length > 0) steps.push((s) => s.split(pattern).join(entry.content ?? ''))
        break
      }
    }
  }
  add(config)
  return (text) => steps.reduce((s, step) => step(s), text)
}

/** Decides the token scheme from tokenizer.json's model, pre-tokenizer and decoder entries. */
export function tokenSchemeFromConfig(tokenizerJson: any): TokenScheme {
  const types = new Set<string>()
  const collect = (entry: any) => {
    if (!entry || typeof entry !== 'object') return
    if (typeof entry.type === 'string') types.add(entry.type)
    for (const inner of entry.pretokenizers ?? entry.decoders ?? []) collect(inner)
  }
  collect(tokenizerJson?.pre_tokenizer)
  collect(tokenizerJson?.decoder)
  if (types.has('ByteLevel')) return 'byte-level'
  if (tokenizerJson?.model?.type === 'WordPiece') return 'wordpiece'
  return 'sentencepiece'
}
