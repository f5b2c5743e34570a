import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:url'
const COMMON_TLDS = 'com|org|net|edu|gov|mil|int|io|us|co|info|biz|me|app|health|care|clinic|md|ca|uk|de|fr|au|example|site|online|ly|tv'

/** http(s)://, ftp://, and www. addresses. */
const SCHEMED = /\b(?:(?:https?|ftp|sftp):\/\/|www\.)[^\s<>"'`]+/gi
/** Bare domains with a path (portal.example/session/42). */
const DOMAIN_WITH_PATH = /(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\/[^\s<>"'`]*/g
/** Bare domains with a common top-level domain (mychart.example.org). */
const BARE_DOMAIN = new RegExp(`(?<![\\w@./-])(?:[A-Za-z0-9-]+\\.)+(?:${COMMON_TLDS})(?![\\w@-]|\\.[A-Za-z0-9])`, 'gi')
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
      for (const match of text.matchAll(DOMAIN_WITH_PATH)) {
        if (!/[A-Za-z]{2,}/.test(match[0].split('.')[0]) || /^\d/.test(match[0])) continue
        add(match.index, match[0], 0.8)
      }
    }
    for (const match of text.matchAll(BARE_DOMAIN)) {
      const labels = match[0].split('.')
      if (labels.some((label) => label.length === 0) || labels[0].length < 2) continue
      add(match.index, match[0], 0.75)
    }
    return dropContained(spans)
  }
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
