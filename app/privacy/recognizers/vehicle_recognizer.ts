import type { PhiSpan } from '#privacy/phi_types'
import type { Recognizer, RecognizerContext } from '#privacy/recognizers/recognizer'
import { dropContained, makeSpan, textBefore } from '#privacy/recognizers/patterns/spans'

const SOURCE = 'rules:vehicle'
/** A plate after its label: "plate TX-R44-7JK", "license plate: ABC 1234", "tag # 7XYZ123". */
const PLATE_LABEL = /\b(?:(?:licen[cs]e[ \t]+)?plates?|tags?|registration|reg\.?)(?:[ \t]*(?:#|no\.?|number|num))?[ \t]*[:#]?[ \t]*/gi
const PLATE_VALUE = /[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,2}(?![A-Za-z0-9-])/y
/** "tag" and "registration" only name a plate near a vehicle word. */
const VEHICLE_CONTEXT = /\b(?:car|truck|tractor|trailer|van|vehicle|auto|automobile|motorcycle|SUV|pickup|sedan|drove|driving|driver|parked|plates?|VIN)\b/i

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
const LETTER_VALUES = 'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9'

/**
 * Vehicle identifiers: VINs (17 characters; a failed check digit lowers the
 * score but still reports it) and licence plates after a plate label.
 */
export class VehicleRecognizer implements Recognizer {
  readonly name = SOURCE

  recognize(text: string, _context: RecognizerContext): PhiSpan[] {
    const spans: PhiSpan[] = []
    if (hasVinRun(text)) {
      for (const index of vinStarts(text)) {
        const vin = text.slice(index, index + 17)
        const digits = vin.replace(/\D/g, '').length
        if (digits < 3 || digits === 17 || !/[A-Z]/.test(vin)) continue
        const labelled = /\bVIN\b/i.test(textBefore(text, index, 24))
        const score = hasValidCheckDigit(vin) || labelled ? 0.95 : 0.75
        spans.push(makeSpan(text, index, index + vin.length, 'VEHICLE_ID', score, SOURCE))
      }
    }
    for (const label of text.matchAll(PLATE_LABEL)) {
      const start = label.index + label[0].length
      PLATE_VALUE.lastIndex = start
      const plate = PLATE_VALUE.exec(text)?.[0]
      if (!plate || !/\d/.test(plate) || plate.replace(/[^A-Z0-9]/g, '').length < 3) continue
      if (!/plate/i.test(label[0]) && !VEHICLE_CONTEXT.test(textBefore(text, label.index, 60))) continue
      spans.push(makeSpan(text, start, start + plate.length, 'VEHICLE_ID', 0.9, SOURCE))
    }
    return dropContained(spans)
  }
}

/**
 * True when 17 VIN characters stand in a row. Checks every 17th character
 * first (most text is lower case), so it is much cheaper than scanning with VIN.
 */
function hasVinRun(text: string): boolean {
  let end = 16
  while (end < text.length) {
    let start = end
    while (start > end - 17 && isVinChar(text.charCodeAt(start))) start--
    if (start === end - 17) return true
    end = start + 17
  }
  return false
}

/**
 * Where the regex `(?<![A-Za-z0-9-])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9-])` would
 * match: runs of letters, digits and dashes exactly 17 long, all VIN characters.
 */
function vinStarts(text: string): number[] {
  const starts: number[] = []
  let at = 0
  while (at < text.length) {
    if (!isRunChar(text.charCodeAt(at))) {
      at++
      continue
    }
    let end = at + 1
    while (end < text.length && isRunChar(text.charCodeAt(end))) end++
    if (end - at === 17) {
      let vin = true
      for (let i = at; i < end && vin; i++) vin = isVinChar(text.charCodeAt(i))
      if (vin) starts.push(at)
    }
    at = end
  }
  return starts
}

/** A-Z, a-z, 0-9 and the dash. */
function isRunChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45
}

/** 0-9 and A-Z without I, O and Q. */
function isVinChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90 && code !== 73 && code !== 79 && code !== 81)
}

function hasValidCheckDigit(vin: string): boolean {
  let sum = 0
  for (let index = 0; index < 17; index++) {
    const char = vin[index]
    const value = /\d/.test(char) ? Number(char) : Number(LETTER_VALUES[LETTER_VALUES.indexOf(char) + 1])
    sum += value * WEIGHTS[index]
  }
  const check = sum % 11
  return vin[8] === (check === 10 ? 'X' : String(check))
}
