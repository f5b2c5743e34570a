import privacyConfig from '#config/privacy'
import { deidentify } from '#privacy/deidentify/deidentify'
import { checkText } from '#privacy/services/check_text'
import { findPhi, type PhiEngine } from '#privacy/services/find_phi'
import { toCodePointOffsets } from '#privacy/services/code_point_offsets'
import type { PhiSpan } from '#privacy/phi_types'

export interface ScanResult {
  /** Offsets in Unicode code points (the phi:scan and /api/v1/phi/detect contract). */
  phi: PhiSpan[]
  redacted: string
  engine: PhiEngine
}

/** Finds the PHI of a text and returns it with the redacted text, as phi:scan and the detect API answer. */
export async function scanText(text: string): Promise<ScanResult> {
  checkText(text, privacyConfig.maxTextChars)
  const { spans, engine } = await findPhi(text)
  return { phi: toCodePointOffsets(text, spans), redacted: deidentify(text, spans, { operator: 'redact' }).text, engine }
}
