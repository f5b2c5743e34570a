/*
| The privacy module's public surface: find PHI, de-identify, re-identify.
| Other modules call these; every text they send off the box or show to a
| coder goes through deidentifyText first.
*/
export { PHI_TYPES, type PhiType, type PhiSpan } from '#privacy/phi_types'
export { findPhi, type PhiEngine } from '#privacy/services/find_phi'
export { scanText, type ScanResult } from '#privacy/services/scan_text'
export { deidentifyText, type DeidentifiedText } from '#privacy/services/deidentify_text'
export { reidentifyText } from '#privacy/services/reidentify_text'
export { DEIDENTIFY_OPERATORS, type DeidentifyOperator } from '#privacy/deidentify/deidentify'
export { createDeidentifyScope, type DeidentifyScope } from '#privacy/deidentify/deidentify_scope'
