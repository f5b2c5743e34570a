import type { PhiType } from '#privacy/phi_types'

export interface IdLabel {
  type: PhiType
  /** Regex source of the label, matched case-insensitively unless `caseSensitive`. */
  pattern: string
  /** A strong label takes any value with three digits; a weak one needs a marker (#, :, no.) or a code-like value. */
  strong: boolean
  caseSensitive?: boolean
}

const NO = '(?:[ \\t]*(?:#|no\\.?|nbr|num(?:ber)?\\.?|ID))?'

/** Context labels that announce an identifier, and the type of the value that follows. */
export const ID_LABELS: IdLabel[] = [
  // Medical record numbers
  { type: 'MRN', strong: true, pattern: 'MRN' },
  { type: 'MRN', strong: true, pattern: 'MR[ \\t]?(?:#|No\\.?|Number|Num)' },
  { type: 'MRN', strong: true, pattern: `medical[ \\t]+records?(?:[ \\t]+number)?${NO}` },
  { type: 'MRN', strong: true, pattern: `med(?:ical)?\\.?[ \\t]+rec(?:ord)?\\.?${NO}` },
  { type: 'MRN', strong: true, pattern: `(?:health|hospital|unit|patient|pt\\.?|chart|EMR|EHR)[ \\t]*(?:#|no\\.?|number|ID)` },
  { type: 'MRN', strong: false, pattern: 'chart' },
  { type: 'MRN', strong: true, pattern: 'UR[ \\t]?(?:#|No\\.?|N)', caseSensitive: true },
  // Accounts
  { type: 'ACCOUNT', strong: true, pattern: `(?:patient[ \\t]+|billing[ \\t]+|bank[ \\t]+|hospital[ \\t]+|guarantor[ \\t]+)?acc(?:oun)?t\\.?${NO}` },
  { type: 'ACCOUNT', strong: true, pattern: `FIN${NO}`, caseSensitive: true },
  { type: 'ACCOUNT', strong: true, pattern: `HAR${NO}`, caseSensitive: true },
  { type: 'ACCOUNT', strong: true, pattern: `financial[ \\t]+(?:number|no\\.?|#|ID)` },
  { type: 'ACCOUNT', strong: false, pattern: `(?:billing|invoice|statement|routing)${NO}` },
  { type: 'ACCOUNT', strong: true, pattern: `(?:credit|debit|payment)[ \\t]+card(?:[ \\t]+ending(?:[ \\t]+in)?)?${NO}` },
  { type: 'ACCOUNT', strong: true, pattern: 'card[ \\t]+ending(?:[ \\t]+in)?' },
  { type: 'ACCOUNT', strong: false, pattern: 'card' },
  { type: 'ACCOUNT', strong: true, pattern: `IBAN${NO}` },
  // Health plan beneficiary numbers
  { type: 'HEALTH_PLAN_ID', strong: true, pattern: `(?:member|subscriber|beneficiary|enrollee|sponsor|payer|coverage|insured)(?:'s)?[ \\t]*(?:#|no\\.?|number|ID|SSN)` },
  { type: 'HEALTH_PLAN_ID', strong: false, pattern: '(?:member|subscriber|beneficiary|enrollee|sponsor)' },
  { type: 'HEALTH_PLAN_ID', strong: true, pattern: `(?:policy|group|grp|plan|insurance|ins\\.?|health[ \\t]+plan)[ \\t]*(?:#|no\\.?|number|ID)` },
  { type: 'HEALTH_PLAN_ID', strong: false, pattern: '(?:policy|insurance|health[ \\t]+plan)' },
  { type: 'HEALTH_PLAN_ID', strong: true, pattern: `(?:Medicaid|Medicare|Medi-Cal|MassHealth|TRICARE|BCBS|CHIP)[ \\t]+(?:MBI|ID|#|no\\.?|number|card)` },
  { type: 'HEALTH_PLAN_ID', strong: false, pattern: '(?:Medicaid|Medicare|Medi-Cal|MassHealth|TRICARE|BCBS|CHIP)' },
  { type: 'HEALTH_PLAN_ID', strong: true, pattern: `(?:MBI|HICN|HIC)${NO}`, caseSensitive: true },
  // Certificate and licence numbers
  { type: 'LICENSE', strong: true, pattern: `(?:driver'?s'?[ \\t]+|state[ \\t]+|medical[ \\t]+|nursing[ \\t]+|professional[ \\t]+|[A-Z]{2}[ \\t]+)?licen[cs]e(?![ \\t]+plate)${NO}` },
  { type: 'LICENSE', strong: true, pattern: `lic\\.?${NO}` },
  { type: 'LICENSE', strong: true, pattern: `(?:DEA|CDL|DL)(?:[ \\t]+registration)?${NO}`, caseSensitive: true },
  { type: 'LICENSE', strong: true, pattern: `(?:certificate|cert\\.?|permit|passport|board[ \\t]+certification)${NO}` },
  // Device identifiers and serial numbers
  { type: 'DEVICE_ID', strong: true, pattern: `serial${NO}` },
  { type: 'DEVICE_ID', strong: true, pattern: 'S/N|SN[ \\t]*[:#]', caseSensitive: true },
  { type: 'DEVICE_ID', strong: true, pattern: `(?:device|implant|pacemaker|defibrillator|ICD|pump|generator|lead)[ \\t]*(?:#|no\\.?|number|ID|serial|identifier)` },
  { type: 'DEVICE_ID', strong: true, pattern: `(?:UDI|IMEI)${NO}` },
  { type: 'DEVICE_ID', strong: false, pattern: `(?:lot|model|catalog|cat\\.)${NO}` },
  // Biometric identifiers
  {
    type: 'BIOMETRIC',
    strong: true,
    pattern: `(?:biometric|finger[ \\t-]?print|thumb[ \\t-]?print|retina(?:l)?(?:[ \\t]+scan)?|iris(?:[ \\t]+scan)?|palm[ \\t-]?(?:vein|print)|voice[ \\t-]?print|face[ \\t-]?print|facial[ \\t]+(?:recognition|geometry|scan))(?:[ \\t]*\\(?[ \\t]*(?:ID|#|no\\.?|number|token|template|identifier|hash|code))?`,
  },
  // Other unique identifiers
  { type: 'OTHER_ID', strong: true, pattern: `NPI${NO}`, caseSensitive: true },
  { type: 'OTHER_ID', strong: true, pattern: `(?:encounter|enc\\.?|visit|CSN|claim|case|accession|specimen|sample|order|requisition|req\\.?|reference|ref\\.?|confirmation|conf\\.?|application|authori[sz]ation|auth\\.?|prior[ \\t]+auth|referral|tag|card|registry|study|subject|trial|participant|badge|employee|student|tracking|barcode|lab|ticket|control|voucher|prescription|Rx|record|report|incident|document|doc\\.?|transaction|member[ \\t]+services)[ \\t]*(?:#|no\\.?|number|ID|code)` },
  { type: 'OTHER_ID', strong: false, pattern: '(?:encounter|CSN|claim|case|accession|specimen|requisition|confirmation|application|authori[sz]ation|tag|registry|badge|tracking|barcode|incident|voucher)' },
  { type: 'OTHER_ID', strong: false, pattern: `(?:ID|I\\.D\\.)(?:[ \\t]*(?:#|no\\.?|number))?`, caseSensitive: true },
  { type: 'OTHER_ID', strong: false, pattern: 'identifier' },
]
