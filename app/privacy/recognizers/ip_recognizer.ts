import { isIPv6 } from 'node:net'
import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { makeSpan, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:ip'
const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g
/** Two colons at most four hex digits apart: every IPv6 candidate has them. */
const HAS_IPV6 = /:[0-9A-Fa-f]{0,4}:/
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?![\w:])/g

/** IPv4 addresses (each octet 0-255) and IPv6 addresses, including compressed (`fe80::1`) forms. */
export class IpRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    for (const match of text.matchAll(IPV4)) {
      const octets = match.slice(1, 5).map(Number)
      if (octets.some((octet) => octet > 255)) continue
      const labelled = /\b(?:IP|address|addr|host|from|via|connected)\b[\s:#]*$/i.test(textBefore(text, match.index, 20))
      spans.push(makeSpan(text, match.index, match.index + match[0].length, 'IP', labelled ? 0.95 : 0.85, SOURCE))
    }
    if (!HAS_IPV6.test(text)) return spans
    for (const match of text.matchAll(IPV6_CANDIDATE)) {
      const candidate = match[0]
      const groups = candidate.split(':').filter((group) => group.length > 0)
      if (groups.length < 2 || !isIPv6(candidate)) continue
      if (!candidate.includes('::') && groups.length < 8 && !candidate.includes('.')) continue
      spans.push(makeSpan(text, match.index, match.index + candidate.length, 'IP', 0.9, SOURCE))
    }
    return spans
  }
}
