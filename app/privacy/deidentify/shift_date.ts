import { DateTime } from 'luxon'

/* Month-name formats; `MMM` also matches a trailing period through the `MMM.` variants. */
const NAMED_FORMATS = [
  'MMMM d, yyyy', 'MMMM d yyyy', 'MMMM d,yyyy', 'MMM d, yyyy', 'MMM d yyyy', 'MMM. d, yyyy', 'MMM. d yyyy',
  'd MMMM yyyy', 'd MMMM, yyyy', 'd MMM yyyy', 'd MMM. yyyy', 'dd MMM yyyy', 'dd MMMM yyyy',
  'd-MMM-yyyy', 'dd-MMM-yyyy', 'd-MMM-yy', 'dd-MMM-yy', 'ddMMMyyyy',
  "d 'of' MMMM yyyy", "d 'of' MMMM, yyyy", "'the' d 'of' MMMM, yyyy", "'the' d 'of' MMMM yyyy", "d 'of' MMMM", "'the' d 'of' MMMM",
  'cccc, MMMM d, yyyy', 'ccc, MMM d, yyyy', 'cccc MMMM d, yyyy', 'cccc, d MMMM yyyy',
  'MMMM d', 'MMM d', 'MMM. d', 'd MMMM', 'd MMM',
  'MMMM yyyy', 'MMMM, yyyy', "MMMM 'of' yyyy", 'MMM yyyy', 'MMM. yyyy', "MMM 'yy",
]

/*
| Padded first: "01/16/2024" pads, so "10/21/1966" probably does too. A
| format is only taken when it writes the input back exactly.
*/
const PADDINGS = [['MM', 'dd'], ['M', 'd'], ['MM', 'd'], ['M', 'dd']]

/** Numeric dates in US order (month first) and ISO order, with every padding and separator. */
function buildNumericFormats(): string[] {
  const formats: string[] = []
  for (const sep of ['/', '-', '.']) {
    for (const [month, day] of PADDINGS) formats.push(`${month}${sep}${day}${sep}yyyy`, `${month}${sep}${day}${sep}yy`)
    formats.push(`yyyy${sep}MM${sep}dd`, `yyyy${sep}M${sep}d`)
  }
  formats.push('yyyyMMdd')
  /* Month and year ("6/2019"), then month and day without a year ("3/14"). */
  for (const sep of ['/', '-']) formats.push(`MM${sep}yyyy`, `M${sep}yyyy`)
  for (const [month, day] of PADDINGS) formats.push(`${month}/${day}`)
  return formats
}

const NUMERIC_FORMATS = buildNumericFormats()

const LOCALE = { locale: 'en-US' }
/* A leap year, so "Feb 29" without a year still parses. */
const YEARLESS_REFERENCE = 2000

/**
 * Moves a written date by `days` and writes it back in the same format
 * ("03/14/2024" → "12/05/2023", "March 3, 2024" → "November 24, 2023",
 * "Mar 3" → "Nov 24", "6/2019" → "3/2019"). Dates without a day (month and
 * year) move from the middle of their month, so they follow the dates around
 * them. Returns null for text that is not a date it can read back exactly.
 */
export function shiftDate(text: string, days: number): string | null {
  const input = text.trim().replace(/\s+/g, ' ').replace(/\bsept\b/i, 'Sep')
  const ordinal = /\b(\d{1,2})(st|nd|rd|th)\b/i.exec(input)
  const plain = ordinal ? input.replace(ordinal[0], ordinal[1]) : input

  for (const format of /[a-z]/i.test(plain) ? NAMED_FORMATS : NUMERIC_FORMATS) {
    const parsed = parse(plain, format)
    if (!parsed) continue
    const anchored = format.includes('d') ? parsed : parsed.set({ day: 15 })
    const shifted = anchored.plus({ days })
    let output = ordinal ? formatWithOrdinal(shifted, format) : shifted.toFormat(format, LOCALE)
    if (/^[^a-z]*$/.test(input) && /[A-Z]/.test(input)) output = output.toUpperCase()
    return output
  }
  return null
}

/** The date when `format` reads `text` and writes exactly it back (case aside), else null. */
function parse(text: string, format: string): DateTime | null {
  const hasYear = format.includes('y')
  const parsed = hasYear
    ? DateTime.fromFormat(text, format, LOCALE)
    : DateTime.fromFormat(`${text} ${YEARLESS_REFERENCE}`, `${format} yyyy`, LOCALE)
  if (!parsed.isValid) return null
  if (parsed.toFormat(format, LOCALE).toLowerCase() !== text.toLowerCase()) return null
  return parsed
}

function formatWithOrdinal(date: DateTime, format: string): string {
  const marked = format.replace(/(?<![a-z])d{1,2}(?![a-z])/, "$&'§'")
  return date.toFormat(marked, LOCALE).replace('§', ordinalSuffix(date.day))
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th'
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th'
}
