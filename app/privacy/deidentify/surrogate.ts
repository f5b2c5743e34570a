import { randomInt } from 'node:crypto'
import type { PhiType } from '#privacy/phi_types'
import { entityKey, type DeidentifyScope } from '#privacy/deidentify/deidentify_scope'
import { shiftDate } from '#privacy/deidentify/shift_date'
import { SurrogateRandom } from '#privacy/deidentify/surrogate_random'
import { SURROGATE_LISTS as LISTS } from '#privacy/deidentify/surrogate_lists'
import { tokenFor } from '#privacy/deidentify/tokenize'

const ATTEMPTS = 30
const WORD_TYPES = new Set<PhiType>(['NAME', 'CITY', 'STATE', 'ORGANIZATION', 'ADDRESS'])
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'ibn', 'al'])

/**
 * A realistic fake value for the entity, the same for the same entity within
 * the scope and never shared by two entities (so re-identification can map
 * it back). Dates move by the scope's one offset and keep their format; ages
 * over 89 become "90+". What cannot be faked faithfully gets a `[TYPE_n]` token.
 */
export function surrogateFor(scope: DeidentifyScope, type: PhiType, original: string): string {
  if (type === 'DATE') {
    scope.dateShiftDays ??= -randomInt(1, 366)
    return shiftDate(original, scope.dateShiftDays) ?? tokenFor(scope, type, original)
  }
  if (type === 'AGE') return ageSurrogate(original)

  const key = entityKey(type, original)
  let surrogate = scope.surrogates[key]
  if (surrogate === undefined) {
    /* Generated from the natural-case form, so "ANN LEE" and "Ann Lee" share one surrogate, each in its own case. */
    surrogate = generate(scope, type, WORD_TYPES.has(type) ? naturalCase(original) : original)
    scope.surrogates[key] = surrogate
    scope.usedSurrogates[entityKey(type, surrogate)] = true
  }
  return withCaseOf(original, surrogate)
}

function generate(scope: DeidentifyScope, type: PhiType, original: string): string {
  if (type === 'NAME') return nameSurrogate(scope, original)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const random = new SurrogateRandom(scope.seed, `${entityKey(type, original)}#${attempt}`)
    const candidate = candidateFor(type, original, random, attempt)
    if (candidate.toLowerCase() === original.toLowerCase()) continue
    if (scope.usedSurrogates[entityKey(type, candidate)]) continue
    return candidate
  }
  return tokenFor(scope, type, original)
}

function candidateFor(type: PhiType, original: string, random: SurrogateRandom, attempt: number): string {
  switch (type) {
    case 'PHONE':
    case 'FAX':
      return phoneSurrogate(original, random, attempt)
    case 'EMAIL':
      return `user${1000 + random.int(9000)}@example.org`
    case 'SSN':
      return ssnSurrogate(original, random)
    case 'URL':
      return `${/^https?:\/\//i.exec(original)?.[0] ?? ''}example.org/r/${randomLetters(random, 8).toLowerCase()}`
    case 'IP':
      return original.includes(':') ? `2001:db8::${(1 + random.int(0xfffe)).toString(16)}` : `192.0.2.${1 + random.int(254)}`
    case 'ADDRESS':
      return addressSurrogate(original, random, attempt)
    case 'CITY':
      return withCaseOf(original, random.pick(LISTS.cities))
    case 'STATE':
      return /^[A-Za-z]{2}$/.test(original.trim())
        ? withCaseOf(original, random.pick(LISTS.stateCodes))
        : withCaseOf(original, random.pick(LISTS.stateNames))
    case 'ORGANIZATION':
      return organizationSurrogate(original, random, attempt)
    default:
      /* ZIP and every kind of id: same shape, other characters. */
      return reshape(original, random)
  }
}

/** Each digit becomes a random digit and each letter a random letter of the same case. */
function reshape(original: string, random: SurrogateRandom): string {
  return original.replace(/[0-9A-Za-z]/g, (char) => {
    if (/[0-9]/.test(char)) return random.digit()
    const letter = random.letter()
    return char === char.toLowerCase() ? letter.toLowerCase() : letter
  })
}

/** Writes `digits` into the digit positions of `original`, keeping its punctuation. */
function fillDigits(original: string, digits: string): string {
  let index = 0
  return original.replace(/[0-9]/g, () => digits[index++] ?? '0')
}

/** 555-01xx, the range set aside for fiction; with area code (555) 555-01xx. */
function phoneSurrogate(original: string, random: SurrogateRandom, attempt: number): string {
  const count = original.replace(/[^0-9]/g, '').length
  const line = attempt < 10 ? `01${random.digit()}${random.digit()}` : Array.from({ length: 4 }, () => random.digit()).join('')
  if (count === 7) return fillDigits(original, `555${line}`)
  if (count === 10) return fillDigits(original, `555555${line}`)
  if (count === 11) return fillDigits(original, `1555555${line}`)
  return reshape(original, random)
}

/** Area numbers 900-999 are never issued, so the surrogate cannot be anyone's SSN. */
function ssnSurrogate(original: string, random: SurrogateRandom): string {
  const count = original.replace(/[^0-9]/g, '').length
  const digits = Array.from({ length: count }, () => random.digit())
  if (count === 9) digits[0] = '9'
  return fillDigits(original, digits.join(''))
}

function ageSurrogate(original: string): string {
  const years = Number.parseInt(original.replace(/[^0-9]/g, ''), 10)
  /* Safe Harbor aggregates ages over 89; younger ages are not identifiers. */
  return Number.isFinite(years) && years <= 89 ? original : '90+'
}

/**
 * Each part of the name is replaced on its own and remembered, so "Gregory
 * Talbot", "Talbot" and "G. Talbot" keep referring to one surrogate person.
 * The last part (or the first, in "Talbot, Gregory") gets a last name.
 */
function nameSurrogate(scope: DeidentifyScope, original: string): string {
  const pieces = original.split(/([\s,\-]+)/)
  const words = pieces.map((piece, index) => ({ piece, index })).filter(({ piece }) => /\p{L}/u.test(piece))
  const lastNameIndex = original.includes(',') ? words[0]?.index : words.at(-1)?.index
  return pieces
    .map((piece, index) => {
      if (!/\p{L}/u.test(piece)) return piece
      if (NAME_PARTICLES.has(piece) && words.length > 1) return piece
      const list = index === lastNameIndex ? LISTS.lastNames : LISTS.firstNames
      return namePartSurrogate(scope, piece, list)
    })
    .join('')
}

function namePartSurrogate(scope: DeidentifyScope, part: string, list: readonly string[]): string {
  const initial = /^(\p{L})(\.?)$/u.exec(part)
  const key = entityKey('NAME_PART', initial ? `${initial[1]}.` : part)
  const known = scope.surrogates[key]
  if (known !== undefined) return withCaseOf(part, initial ? `${known}${initial[2]}` : known)

  let value: string | null = null
  for (let attempt = 0; attempt < ATTEMPTS && value === null; attempt++) {
    const random = new SurrogateRandom(scope.seed, `${key}#${attempt}`)
    const candidate = initial ? random.letter() : attempt < 20 ? random.pick(list) : syllableName(random)
    const taken = scope.usedSurrogates[entityKey(initial ? 'NAME_INITIAL' : 'NAME_PART', candidate)]
    if (!taken && candidate.toLowerCase() !== (initial ? initial[1] : part).toLowerCase()) value = candidate
  }
  value ??= syllableName(new SurrogateRandom(scope.seed, `${key}#last`))
  scope.surrogates[key] = value
  scope.usedSurrogates[entityKey(initial ? 'NAME_INITIAL' : 'NAME_PART', value)] = true
  return withCaseOf(part, initial ? `${value}${initial[2]}` : value)
}

/** A pronounceable made-up name, when the lists run out. */
function syllableName(random: SurrogateRandom): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tor', 'sa', 'vel', 'dan', 'bri', 'mor', 'ta', 'len']
  const name = Array.from({ length: 3 }, () => random.pick(syllables)).join('')
  return name[0].toUpperCase() + name.slice(1)
}

/**
 * "318 Depot Street, Suite 3" → "742 Maple Street, Suite 8": the house number
 * and unit digits are redrawn, the street name replaced, the suffix kept.
 */
function addressSurrogate(original: string, random: SurrogateRandom, attempt: number): string {
  const comma = original.indexOf(',')
  const street = comma === -1 ? original : original.slice(0, comma)
  const rest = comma === -1 ? '' : original.slice(comma)
  if (/\bbox\b/i.test(street)) return reshapeDigits(original, random)

  const words = street.trim().split(/\s+/)
  const number = /^\d+[A-Za-z]?$/.test(words[0] ?? '') ? reshapeDigits(words.shift()!, random) : null
  const suffix = words.length > 1 && LISTS.streetSuffixes.includes(words.at(-1)!.toLowerCase().replace(/\.$/, '') as never) ? words.pop()! : 'Street'
  const name = attempt < 10 ? random.pick(LISTS.streetNames) : `${random.pick(LISTS.streetNames)} ${random.pick(LISTS.streetSecondWords)}`
  return [number, withCaseOf(words.join(' '), name), suffix].filter(Boolean).join(' ') + reshapeDigits(rest, random)
}

function reshapeDigits(text: string, random: SurrogateRandom): string {
  return text.replace(/[0-9]/g, () => random.digit())
}

/**
 * "Saint Vincent Regional Medical Center" → "Lakeside Regional Medical Center":
 * the words that say what kind of place it is stay, the naming part changes.
 */
function organizationSurrogate(original: string, random: SurrogateRandom, attempt: number): string {
  const words = original.trim().split(/\s+/)
  let kindStart = words.length
  while (kindStart > 1 && LISTS.organizationKindWords.includes(words[kindStart - 1].toLowerCase() as never)) kindStart--
  const kind = kindStart < words.length ? words.slice(kindStart).join(' ') : defaultKind(original)
  const prefix = attempt < 10 ? random.pick(LISTS.organizationPrefixes) : `${random.pick(LISTS.organizationPrefixes)} ${random.pick(LISTS.streetSecondWords)}`
  return withCaseOf(original, `${prefix} ${kind}`)
}

function defaultKind(original: string): string {
  if (/hospital/i.test(original)) return 'Community Hospital'
  if (/clinic|medic|health|care|pediatric|cardio|ortho|psych|surg|physician/i.test(original)) return 'Medical Group'
  if (/pharm|apothec|drug/i.test(original)) return 'Pharmacy'
  if (/school|academy|college|universit/i.test(original)) return 'Academy'
  return 'Group'
}

function randomLetters(random: SurrogateRandom, length: number): string {
  return Array.from({ length }, () => random.letter()).join('')
}

/** The value in upper case when the original is written in upper case (and lower likewise). */
function withCaseOf(original: string, value: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase()) return value.toUpperCase()
  if (letters.length > 1 && letters === letters.toLowerCase()) return value.toLowerCase()
  return value
}

/** "ANN LEE" and "ann lee" → "Ann Lee"; mixed-case text as it is. */
function naturalCase(original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '')
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return original
  return original.replace(/\p{L}+/gu, (word) => word[0].toUpperCase() + word.slice(1).toLowerCase())
}
