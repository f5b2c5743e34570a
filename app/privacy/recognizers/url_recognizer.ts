import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:url'
const COMMON_TLDS = 'com|org|net|edu|gov|mil|int|io|us|co|info|biz|me|app|health|care|clinic|md|ca|uk|de|fr|au|example|site|online|ly|tv'

/** http(s)://, ftp://, and www. addresses. */
const SCHEMED = /\b(?:(?:https?|ftp|sftp):\/\/|www\.)[^\s<>"'`]+/gi
/** Bare domains with a path (portal.example/session/42); sticky, tried only where `domainMatches` says one may start. */
const DOMAIN_WITH_PATH = /(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\/[^\s<>"'`]*/y
/** Bare domains with a common top-level domain (mychart.example.org); sticky, like DOMAIN_WITH_PATH. */
const BARE_DOMAIN = new RegExp(`(?<![\\w@./-])(?:[A-Za-z0-9-]+\\.)+(?:${COMMON_TLDS})(?![\\w@-]|\\.[A-Za-z0-9])`, 'iy')
/** Cheap pre-checks (a dot then letters): the bare-domain regexes are slow over text that cannot match. */
const HAS_DOMAIN_WITH_PATH = /\.[A-Za-z]{2,}\//
const HAS_DOMAIN = /\.[A-Za-z]{2}/

/** URLs: with a scheme or www., and bare domains that have a path or a common top-level domain. */
export class UrlRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const add = (start: number, raw: string, score: number) => {
      const trimmed = trimTrailing(raw)
      if (trimmed.length > 0) spans.push(makeSpan(text, start, start + trimmed.length, 'URL', score, SOURCE))
    }
    for (const match of text.matchAll(SCHEMED)) add(match.index, match[0], 0.95)
    if (!HAS_DOMAIN.test(text)) return dropContained(spans)
    if (HAS_DOMAIN_WITH_PATH.test(text)) {
      for (const match of domainMatches(text, DOMAIN_WITH_PATH, '/')) {
        if (!/[A-Za-z]{2,}/.test(match[0].split('.')[0]) || /^\d/.test(match[0])) continue
        add(match.index, match[0], 0.8)
      }
    }
    for (const match of domainMatches(text, BARE_DOMAIN, '.')) {
      const labels = match[0].split('.')
      if (labels.some((label) => label.length === 0) || labels[0].length < 2) continue
      add(match.index, match[0], 0.75)
    }
    return dropContained(spans)
  }
}

/**
 * The matches `text.matchAll` would give for a bare-domain regex, without
 * trying it at every position. A match is letters, digits, dots and dashes
 * up to its first `anchor` ('.', or '/' after the top-level domain), and
 * its lookbehind refuses a start right after such a character: so the only
 * start that can reach a given anchor is where that run of characters
 * begins, and the regex is tried there alone.
 */
function* domainMatches(text: string, regex: RegExp, anchor: string): Generator<RegExpExecArray> {
  let from = 0
  for (;;) {
    const at = text.indexOf(anchor, from)
    if (at < 0) return
    let start = at
    while (start > from && isDomainCharacter(text.charCodeAt(start - 1), anchor)) start--
    regex.lastIndex = start
    const match = regex.exec(text)
    from = match ? start + match[0].length : at + 1
    if (match) yield match
  }
}

/** Letters, digits and dashes, and dots unless the anchor is the dot. */
function isDomainCharacter(code: number, anchor: string): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || (code === 46 && anchor !== '.')
}

/** Sentence punctuation after a URL is not part of it; an unbalanced closing bracket neither. */
function trimTrailing(url: string): string {
  let result = url.replace(/[.,;:!?]+$/, '')
  while (/[)\]}]$/.test(result)) {
    const close = result.at(-1)!
    const open = close === ')' ? '(' : close === ']' ? '[' : '{'
    if (result.split(open).length >= result.split(close).length) break
    result = result.slice(0, -1).replace(/[.,;:!?]+$/, '')
  }
  return result
}
