import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan, textAfter } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:address'

const SUFFIXES = [
  'Street', 'St', 'Avenue', 'Ave', 'Av', 'Road', 'Rd', 'Drive', 'Dr', 'Lane', 'Ln', 'Boulevard', 'Blvd', 'Court', 'Ct',
  'Way', 'Place', 'Pl', 'Circle', 'Cir', 'Highway', 'Hwy', 'Parkway', 'Pkwy', 'Terrace', 'Ter', 'Terr', 'Trail', 'Trl',
  'Square', 'Sq', 'Plaza', 'Plz', 'Loop', 'Alley', 'Aly', 'Crescent', 'Cres', 'Expressway', 'Expy', 'Freeway', 'Fwy',
  'Pike', 'Turnpike', 'Tpke', 'Row', 'Run', 'Path', 'Pass', 'Crossing', 'Xing', 'Commons', 'Cove', 'Cv', 'Bend', 'Pointe',
  'Heights', 'Hts', 'Ridge', 'Rdg', 'Hollow', 'Holw', 'Glen', 'Landing', 'Lndg', 'Meadows', 'Mdws', 'Estates', 'Point',
  'Causeway', 'Close', 'Mews', 'Gardens', 'Gdns', 'Green', 'Grove', 'Oval', 'Walk', 'Wharf',
]
/** Upper-case forms too (318 DEPOT ST), except those that read as clinical abbreviations. */
const SUFFIX_SOURCE = [...SUFFIXES, ...SUFFIXES.filter((suffix) => !['Dr', 'Ct', 'Pl', 'Av', 'Run', 'Pass', 'Row', 'Path', 'Point'].includes(suffix)).map((suffix) => suffix.toUpperCase())]
  .sort((a, b) => b.length - a.length)
  .join('|')
const DIRECTIONAL = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\\.?'
/** A capitalised street-name word or an ordinal (5th); not a clinical unit. */
const NAME_WORD = "(?:[A-Z][A-Za-z'’.-]*|\\d{1,3}(?:st|nd|rd|th)|(?:de|del|la|las|los|of|the|van|von)(?=[ \\t]+[A-Z]))"
const UNIT = "(?:,?[ \\t]*(?:Apt|Apartment|Unit|Suite|Ste|Bldg|Building|Fl|Floor|Rm|Room|Lot|Space|Trlr|#)\\.?[ \\t]*#?[ \\t]*[A-Za-z0-9-]{1,6}\\b)"

/** 318 Depot Street, 1200 N. Main St., Apt 4B, 5th Avenue with a house number. */
const STREET = new RegExp(
  `(?<![\\w.,/-])\\d{1,6}[A-Z]?(?:-\\d{1,4})?(?:[ \\t]+${DIRECTIONAL})?(?:[ \\t]+${NAME_WORD}){1,5}[ \\t]+(?:${SUFFIX_SOURCE})\\b\\.?(?:[ \\t]+${DIRECTIONAL}(?![A-Za-z]))?${UNIT}?`,
  'g'
)
/** Numbered routes with a house number: 4410 State Route 9, 12 County Road 5, 88 Highway 421. */
const ROUTE = /(?<![\w.,/-])\d{1,6}[ \t]+(?:(?:State|County|US|U\.S\.|Farm to Market|FM|Old)[ \t]+)?(?:Route|Rte|Highway|Hwy|Road|Rd|CR|SR)[ \t]+\d{1,4}[A-Z]?\b/g
const PO_BOX = /\b(?:P\.?[ \t]?O\.?[ \t]?Box|Post[ \t]+Office[ \t]+Box|POB)[ \t]*#?[ \t]*\d{1,6}\b/gi
const RURAL_ROUTE = /\b(?:RR|R\.R\.|Rural[ \t]+Route|HC|Star[ \t]+Route)[ \t]*#?[ \t]*\d{1,4},?[ \t]*Box[ \t]*#?[ \t]*\d{1,6}\b/g
/** A unit line on its own: "Suite 200", "Apt. 4B". */
const LONE_UNIT = /\b(?:Apt|Apartment|Suite|Ste)\.?[ \t]*#?[ \t]*\d[A-Za-z0-9-]{0,5}\b/g
/** Military addresses: PSC 0413, Box 8144; Unit 2050 Box 4190. */
const MILITARY = /\b(?:PSC|CMR|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}\b/g

/** Street lines written the European or Latin American way: "Villacher Strasse 89", "Rua do Arenque 1634", "ul. Miła 53". */
const INTERNATIONAL = new RegExp(
  [
    "(?<![\\p{L}])(?:Rua|Rue|Via|Viale|Avenida|Avda\\.|Calle|Carrer|Piazza|Praça|ul\\.|ulica|Boulevard|Chemin|Allée)(?:[ \\t]+[\\p{L}'.-]+){1,4}[ \\t]+\\d{1,5}[a-z]?\\b",
    "(?<![\\p{L}])\\p{Lu}[\\p{L}-]{0,40}(?:strasse|straße|str\\.|weg|vej|veien|vegen|gate|gatan|gata|katu|tie|gasse|laan|straat|plein|allee|platz|väg|vägen|utca|ulica)(?:[ \\t]+\\p{Lu}[\\p{L}-]{0,40})?[ \\t]+\\d{1,5}[a-z]?\\b",
    "(?<![\\p{L}])\\p{Lu}[\\p{L}-]{0,40}[ \\t]+(?:Strasse|Straße|Str\\.|Weg|Gasse|Allee|Platz|Gate|Gata|Gatan|Vej|Laan|Straat|Utca)[ \\t]+\\d{1,5}[a-z]?\\b",
  ].join('|'),
  'gu'
)

/**
 * After "lives at", "address:" and the like: the rest of the clause when it holds a number (any street format).
 * Sticky: tried only near the cue words CUE_WORD finds (see `afterCues`).
 */
const AFTER_CUE = /\b(?:(?:lives|living|resides|residing|located|staying)[ \t]+(?:at|on)|(?:home|mailing|street|postal)?[ \t]*address(?:[ \t]+is)?[ \t]*[:-]?)[ \t]+([^\n,;()]{3,60})/iuy

/** Every AFTER_CUE match holds one of these words: its first, or "address" after at most a 7-letter word ("mailing") and blanks. */
const CUE_WORD = /lives|living|resid|located|staying|address/giu

/** A house number then a word, or capitalised words then a number. */
const STREET_LIKE = /^(?:\d{1,6}[A-Za-z]?[ \t]+\p{L}|\p{Lu}[\p{L}'.-]*(?:[ \t]+[\p{L}'.-]+){0,4}[ \t]+\d{1,5}\b)/u

/** Words that, as the last name word before "Dr", make it a title (seen by 2 ... Dr. Lee) rather than Drive. */
const TITLE_AFTER = /^\.?[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][a-z]+/

/**
 * Street address lines: house number, optional directional, capitalised
 * street name and a street suffix, with an optional unit (Apt, Suite, #);
 * numbered routes, PO boxes, rural routes and unit lines on their own.
 */
export class AddressRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    const add = (start: number, end: number, score: number) => spans.push(makeSpan(text, start, end, 'ADDRESS', score, SOURCE))

    for (const match of text.matchAll(STREET)) {
      const end = match.index + match[0].length
      if (/\bDr\.?$/.test(match[0]) && TITLE_AFTER.test(textAfter(text, end, 24)) && !/^[ \t]*,/.test(textAfter(text, end, 2))) continue
      add(match.index, end, 0.9)
    }
    for (const match of text.matchAll(ROUTE)) add(match.index, match.index + match[0].length, 0.85)
    for (const match of text.matchAll(PO_BOX)) add(match.index, match.index + match[0].length, 0.95)
    for (const match of text.matchAll(RURAL_ROUTE)) add(match.index, match.index + match[0].length, 0.95)
    for (const match of text.matchAll(MILITARY)) add(match.index, match.index + match[0].length, 0.9)
    for (const match of afterCues(text)) {
      const clause = match[1].replace(/[ \t.]+$/, '')
      if (!STREET_LIKE.test(clause) || clause.split(/\s+/).length > 7) continue
      const start = match.index + match[0].length - match[1].length
      add(start, start + clause.length, 0.7)
    }
    for (const match of text.matchAll(INTERNATIONAL)) add(match.index, match.index + match[0].length, 0.75)
    for (const match of text.matchAll(LONE_UNIT)) add(match.index, match.index + match[0].length, 0.7)

    return dropContained(spans)
  }
}

/**
 * The matches scanning the text with AFTER_CUE would give, trying AFTER_CUE
 * only from a little before each cue word (blanks and one short word) up to it.
 */
function afterCues(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = []
  let from = 0
  CUE_WORD.lastIndex = 0
  let cue: RegExpExecArray | null
  while ((cue = CUE_WORD.exec(text)) !== null) {
    const word = cue.index
    // Every occurrence counts, overlapping ones too.
    CUE_WORD.lastIndex = word + 1
    if (word < from) continue
    let lowest = word
    while (lowest > from && (text.charCodeAt(lowest - 1) === 32 || text.charCodeAt(lowest - 1) === 9)) lowest--
    lowest = Math.max(from, lowest - 7)
    for (let at = lowest; at <= word; at++) {
      AFTER_CUE.lastIndex = at
      const match = AFTER_CUE.exec(text)
      if (!match) continue
      matches.push(match)
      from = at + match[0].length
      CUE_WORD.lastIndex = Math.max(CUE_WORD.lastIndex, from)
      break
    }
  }
  return matches
}
