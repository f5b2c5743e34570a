/** Month names and abbreviations (lowercase) -> month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
])

/**
 * A regex source matching a month name or abbreviation written in Title case
 * or UPPER case (lowercase "may", "march" are usually not months), with an
 * optional abbreviation dot. Longest names first.
 */
export const MONTH_SOURCE = (() => {
  const names = [...MONTHS.keys()].sort((a, b) => b.length - a.length)
  const forms = names.flatMap((name) => [name[0].toUpperCase() + name.slice(1), name.toUpperCase()])
  return `(?:${forms.join('|')})\\b\\.?`
})()

/** True when day `day` can exist in month `month` (any year). */
export function isValidMonthDay(month: number, day: number): boolean {
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]
}

/** True for a plausible four-digit year in clinical text. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1850 && year <= 2150
}
