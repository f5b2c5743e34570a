import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { makeSpan } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:email'
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g

/** E-mail addresses (any top-level domain, including reserved ones such as `.example`). */
export class EmailRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    if (!text.includes('@')) return []
    return [...text.matchAll(EMAIL)].map((match) => makeSpan(text, match.index, match.index + match[0].length, 'EMAIL', 0.95, SOURCE))
  }
}
