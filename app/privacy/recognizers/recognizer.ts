import type { PhiSpan } from '#privacy/phi_types'
import type { Dictionaries } from '#privacy/reference/dictionaries'

/** What every recognizer gets besides the text. */
export interface RecognizerContext {
  /** Name, place and organisation lists (a reference pack, or the built-in lists). */
  dictionaries: Dictionaries
}

/**
 * One detector of PHI: patterns with validation and context words, or a
 * dictionary with cues. Recognizers over-report rather than miss (recall
 * first); the decision layer merges overlaps and applies the allow-list.
 */
export interface Recognizer {
  /** Used as the spans' `source`, e.g. `rules:date`. */
  readonly name: string
  recognize(text: string, context: RecognizerContext): PhiSpan[]
}
