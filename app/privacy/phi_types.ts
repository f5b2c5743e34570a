/** The closed set of PHI types (ARCHITECTURE.md, "Contracts that outside tools rely on"). */
export const PHI_TYPES = [
  'NAME',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN_ID',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE_ID',
  'DEVICE_ID',
  'URL',
  'IP',
  'BIOMETRIC',
  'ADDRESS',
  'CITY',
  'STATE',
  'ZIP',
  'ORGANIZATION',
  'OTHER_ID',
] as const

export type PhiType = (typeof PHI_TYPES)[number]

/**
 * One piece of PHI found in a text. Offsets are JavaScript string indexes
 * (UTF-16 code units), end exclusive; `text === input.slice(start, end)`.
 * `score` is the recognizer's confidence in [0, 1]; `source` names the
 * recognizer (e.g. `rules:date`, `dictionary:name`, `ner:<model>`).
 */
export interface PhiSpan {
  start: number
  end: number
  type: PhiType
  text: string
  score: number
  source: string
}
