import { US_STATES as STATE_LIST } from '#privacy/reference/us_states'

/** US states, DC and territories: lowercase name -> two-letter code. */
export const US_STATES: ReadonlyMap<string, string> = new Map(STATE_LIST.map(([code, name]) => [name.toLowerCase(), code]))

export const US_STATE_CODES: ReadonlySet<string> = new Set(US_STATES.values())

/** State names that are also common first names or words: a state only in place context ("in Georgia", "Macon, Georgia"). */
export const AMBIGUOUS_STATE_NAMES: ReadonlySet<string> = new Set(['georgia', 'virginia', 'washington', 'indiana', 'nevada', 'dakota', 'carolina', 'montana', 'maryland', 'florida', 'kansas', 'tennessee', 'jersey'])

/** Codes that are also ordinary words or credentials ("OR", "IN", "ME", "MD", "PA"): a state only next to a city or a ZIP. */
export const AMBIGUOUS_STATE_CODES: ReadonlySet<string> = new Set(['OR', 'IN', 'ME', 'OK', 'HI', 'MD', 'PA', 'MA', 'DE', 'CO', 'LA', 'ID', 'AS', 'DC', 'MS', 'MO', 'NE', 'OH', 'AL', 'GA', 'PR', 'VA', 'WA', 'SD', 'ND', 'MT', 'CT', 'VT', 'UT', 'NV', 'GU'])
