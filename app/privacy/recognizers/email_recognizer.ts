import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { makeSpan } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:email'
/** Sticky: tried only where a match can start (see `recognize`). */
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/y

/** E-mail addresses (any top-level domain, including reserved ones such as `.example`). */
export class EmailRecognizer implements Recognizer {
  readonly name = SOURCE

  /**
   * The same matches as scanning with EMAIL, but EMAIL is tried once per "@":
   * the local part holds no "@" and its lookbehind refuses a start right after
   * a local-part character, so the only start that can reach an "@" is where
   * the run of local-part characters before it begins.
   */
  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    let from = 0
    for (;;) {
      const at = text.indexOf('@', from)
      if (at < 0) return spans
      let start = at
      while (start > from && isLocalPartCharacter(text.charCodeAt(start - 1))) start--
      EMAIL.lastIndex = start
      const match = EMAIL.exec(text)
      if (match) spans.push(makeSpan(text, start, start + match[0].length, 'EMAIL', 0.95, SOURCE))
      from = match ? start + match[0].length : at + 1
    }
  }
}

/** `[\w.%+-]`. */
function isLocalPartCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 37 || code === 43 || code === 45
}
