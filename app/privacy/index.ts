/*
| The privacy module's public surface: find PHI, de-identify, re-identify.
*/
export { PHI_TYPES, type PhiType, type PhiSpan } from '#privacy/phi_types'
