import { ai, type AiService } from '#ai/index'
import { AppError } from '#kernel/index'
import type { PhiSpan, PhiType } from '#privacy/phi_types'

/** NER labels (without B-/I- prefixes, upper case) -> PHI types. Labels not listed are ignored. */
const LABEL_TYPES: Record<string, PhiType> = {
  PER: 'NAME',
  PERSON: 'NAME',
  NAME: 'NAME',
  PATIENT: 'NAME',
  DOCTOR: 'NAME',
  STAFF: 'NAME',
  HCW: 'NAME',
  USERNAME: 'NAME',
  ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION',
  ORGANISATION: 'ORGANIZATION',
  HOSPITAL: 'ORGANIZATION',
  FACILITY: 'ORGANIZATION',
  COMPANY: 'ORGANIZATION',
  LOC: 'CITY',
  GPE: 'CITY',
  CITY: 'CITY',
  LOCATION: 'CITY',
  STATE: 'STATE',
  COUNTRY: 'CITY',
  STREET: 'ADDRESS',
  ADDRESS: 'ADDRESS',
  STREET_ADDRESS: 'ADDRESS',
  ZIP: 'ZIP',
  ZIPCODE: 'ZIP',
  ZIP_CODE: 'ZIP',
  DATE: 'DATE',
  DATE_TIME: 'DATE',
  AGE: 'AGE',
  PHONE: 'PHONE',
  PHONE_NUMBER: 'PHONE',
  FAX: 'FAX',
  EMAIL: 'EMAIL',
  EMAIL_ADDRESS: 'EMAIL',
  URL: 'URL',
  IP: 'IP',
  IP_ADDRESS: 'IP',
  SSN: 'SSN',
  US_SSN: 'SSN',
  MRN: 'MRN',
  MEDICALRECORD: 'MRN',
  HEALTHPLAN: 'HEALTH_PLAN_ID',
  HEALTH_PLAN_ID: 'HEALTH_PLAN_ID',
  ACCOUNT: 'ACCOUNT',
  LICENSE: 'LICENSE',
  US_DRIVER_LICENSE: 'LICENSE',
  VEHICLE: 'VEHICLE_ID',
  VEHICLE_ID: 'VEHICLE_ID',
  DEVICE: 'DEVICE_ID',
  DEVICE_ID: 'DEVICE_ID',
  BIOID: 'BIOMETRIC',
  BIOMETRIC: 'BIOMETRIC',
  IDNUM: 'OTHER_ID',
  ID: 'OTHER_ID',
  OTHER_ID: 'OTHER_ID',
}

/** The PHI type for a model label ("B-PER", "I-NAME", "ORG"), or undefined for labels that are not PHI. */
export function phiTypeForLabel(label: string): PhiType | undefined {
  const bare = label.replace(/^[BIESL]-/i, '').toUpperCase()
  return LABEL_TYPES[bare]
}

/**
 * The `phi-ner` model through the ai module: names, organisations and
 * places the rules miss. Asynchronous, so it runs beside the rules and the
 * pipeline merges its spans. With no model assigned it finds nothing.
 */
export class NerRecognizer {
  constructor(private service: AiService = ai) {}

  async recognize(text: string, signal?: AbortSignal): Promise<PhiSpan[]> {
    if (text.trim().length === 0) return []
    let result: Awaited<ReturnType<AiService['classifyTokens']>>
    try {
      result = await this.service.classifyTokens(text, 'phi-ner', signal)
    } catch (error) {
      if (error instanceof AppError && error.code === 'AI_NO_MODEL') return []
      throw error
    }
    const source = `ner:${result.engine.name}`
    const spans: PhiSpan[] = []
    for (const found of result.spans) {
      const type = phiTypeForLabel(found.label)
      if (!type || found.end <= found.start) continue
      spans.push({ start: found.start, end: found.end, type, text: text.slice(found.start, found.end), score: found.score, source })
    }
    return spans
  }
}
