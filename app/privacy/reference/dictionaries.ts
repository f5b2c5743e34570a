/**
 * The word lists the dictionary recognizers use, held in memory. Keys are
 * lowercased. Frequencies let a recognizer tell a rare name (likely PHI
 * wherever it stands) from a common word that is also a name (only in name
 * context).
 */
export interface Dictionaries {
  /** Where the lists came from: a pack name and version, or `built-in`. */
  source: { pack: string; version: string }
  /** First names -> relative frequency in [0, 1] (1 = the most common). */
  firstNames: Map<string, number>
  /** Surnames -> relative frequency in [0, 1]. */
  lastNames: Map<string, number>
  /** US city / town names (lowercase). */
  cities: Set<string>
  /** US state names and two-letter codes (lowercase), -> the two-letter code. */
  states: Map<string, string>
  /** Hospital and health-system names (lowercase, whole names). */
  organizations: Set<string>
  /** Ordinary English and clinical words (lowercase) that must not be taken for names by themselves. */
  commonWords: Set<string>
}
