import { DRUG_NAMES, EPONYMS, MEASUREMENT_LABELS, SURNAME_EPONYMS } from '#privacy/allow_list/clinical_terms'

/** Words after an eponym that make it clinical: "Murphy's sign", "Bell palsy", "Wilson disease". */
const EPONYM_HEADS =
  /^(?:['’]s)?\s+(?:sign|signs|test|tests|testing|maneuver|manoeuvre|disease|syndrome|palsy|cyst|criteria|score|scale|classification|catheter|tube|procedure|operation|repair|fundoplication|fracture|node|nodes|point|triad|reflex|phenomenon|lesion|ulcer|esophagus|oesophagus|tumou?r|lymphoma|sarcoma|stage|staging|monitor|study|stain|smear|ratio|rule|chart|exam|examination|position|thyroiditis|ophthalmopathy|hernia|contracture|neuroma|nodules?|anomaly|diverticulum|bypass|en-y|anastomosis|questionnaire|regimen)\b/i
/** Titles and person labels: an eponym right after one of these is somebody's name ("Dr. Murphy"). */
const PERSON_BEFORE = /(?:\b(?:dr|doctor|mr|mrs|ms|miss|mx|prof)\.?|\b(?:patient|pt|name|provider|attending|pcp|referring|signed|wife|husband|son|daughter|mother|father|brother|sister)\s*:?)\s*$/i
const MEASUREMENT = new RegExp(
  String.raw`\b(?:${MEASUREMENT_LABELS.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|')})\b[:\s]*(?:of\s+)?[<>≤≥~]?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?){0,2}\s*(?:%|mmhg|bpm|kg|lb|lbs|cm|in|mg/dl|mmol/l|f|c|°f|°c)?`,
  'giu'
)
const DOSE = /\b\d+(?:\.\d+)?(?:\s*-\s*\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|g|kg|ml|mL|l|units?|iu|meq|mmol|puffs?|tabs?|tablets?|caps?|capsules?|drops?|sprays?|patch(?:es)?|%)(?:\/(?:kg|day|hr|h|dose|ml))?\b/giu

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function normalise(term: string): string {
  if (alreadyNormal(term)) return term
  return term
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[‐-–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Lowercase ASCII letters, digits and hyphens: nothing for `normalise` to change (most words; checked without regexes). */
function alreadyNormal(term: string): boolean {
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i)
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) return false
  }
  return true
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/**
 * Clinical vocabulary that must never be redacted: eponyms, drug names,
 * lab and vital-sign formats, doses. The decision layer drops a span the
 * allow-list covers.
 */
export class AllowList {
  readonly #eponyms: Set<string>
  readonly #drugs: Set<string>
  readonly #clinicalWords: Set<string>

  private constructor(extraTerms: Iterable<string>, clinicalWords: Set<string>) {
    this.#eponyms = new Set(EPONYMS.map(normalise))
    this.#drugs = new Set([...DRUG_NAMES.map(normalise), ...[...extraTerms].map(normalise)])
    this.#clinicalWords = clinicalWords
  }

  static #builtIn: AllowList | undefined

  /** The built-in eponyms, drug names and measurement formats (one shared instance). */
  static builtIn(): AllowList {
    AllowList.#builtIn ??= new AllowList([], new Set())
    return AllowList.#builtIn
  }

  /**
   * The built-in lists plus a clinical vocabulary (lowercase words, e.g.
   * from the ICD-10-CM descriptions) and optional extra terms (drug names
   * from a reference pack). The vocabulary is not a veto by itself: it
   * tells the dictionary recognizers which capitalised words are clinical.
   */
  static fromWords(options: { clinicalWords?: Set<string>; extraTerms?: Iterable<string> } = {}): AllowList {
    return new AllowList(options.extraTerms ?? [], options.clinicalWords ?? new Set())
  }

  /** True for a lowercase word of clinical vocabulary (drug, eponym or, when loaded, ICD-10-CM description word). */
  isClinicalWord(word: string): boolean {
    const term = normalise(word)
    return this.#drugs.has(term) || this.#eponyms.has(term) || this.#clinicalWords.has(term)
  }

  /** True for a drug name or an eponym (whatever its surroundings). */
  isTerm(term: string): boolean {
    const key = normalise(term)
    return this.#drugs.has(key) || this.#eponyms.has(key)
  }

  /** True when the span's text (in its surroundings) is clinical vocabulary, not PHI. */
  covers(text: string, start: number, end: number): boolean {
    const term = normalise(text.slice(start, end))
    if (term.length === 0) return false
    if (this.#drugs.has(term)) return true
    if (this.#eponyms.has(term) || this.#eponyms.has(term.replace(/s$/, ''))) return this.#eponymInContext(text, start, end, term)
    return this.#insideMeasurement(text, start, end)
  }

  #eponymInContext(text: string, start: number, end: number, term: string): boolean {
    const before = text.slice(Math.max(0, start - 24), start)
    if (PERSON_BEFORE.test(before)) return false
    if (!SURNAME_EPONYMS.has(term)) return true
    return EPONYM_HEADS.test(text.slice(end, end + 40))
  }

  /** A span inside "BP 132/84", "A1c 7.2", "20 mg" or the like. */
  #insideMeasurement(text: string, start: number, end: number): boolean {
    const from = Math.max(0, start - 40)
    const to = Math.min(text.length, end + 40)
    // Both formats need a digit: most windows have none, and no regex has to run.
    if (!hasDigit(text, from, to)) return false
    const window = text.slice(from, to)
    for (const pattern of [MEASUREMENT, DOSE]) {
      pattern.lastIndex = 0
      for (let match = pattern.exec(window); match !== null; match = pattern.exec(window)) {
        const matchStart = from + match.index
        // Matches come in order: one starting after the span cannot hold it, nor can any later one.
        if (matchStart > start) break
        if (end <= matchStart + match[0].length) return true
      }
    }
    return false
  }
}
