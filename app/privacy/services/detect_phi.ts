import type { PhiSpan } from '#privacy/phi_types'
import type { Dictionaries } from '#privacy/reference/dictionaries'
import { AllowList } from '#privacy/allow_list/allow_list'
import { PATTERN_RECOGNIZERS } from '#privacy/recognizers/pattern_recognizers'
import { DICTIONARY_RECOGNIZERS } from '#privacy/recognizers/dictionary_recognizers'
import { resolveSpans } from '#privacy/decision/resolve_spans'

/** Recall first: anything a recognizer reports with at least this score is removed. */
export const DEFAULT_THRESHOLD = 0.3

export interface DetectOptions {
  dictionaries: Dictionaries
  allowList?: AllowList
  threshold?: number
  /** Spans from the NER model, when one ran; merged with the rules. */
  extraSpans?: PhiSpan[]
}

/**
 * The rules path: every pattern and dictionary recognizer over the text,
 * then the decision layer. Synchronous and model-free, so it is the same
 * on every appliance; the NER model's spans come in through `extraSpans`.
 */
export function detectPhiWithRules(text: string, options: DetectOptions): PhiSpan[] {
  const context = { dictionaries: options.dictionaries }
  const spans = [...PATTERN_RECOGNIZERS, ...DICTIONARY_RECOGNIZERS].flatMap((recognizer) => recognizer.recognize(text, context))
  return resolveSpans(text, [...spans, ...(options.extraSpans ?? [])], {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    allowList: options.allowList ?? AllowList.builtIn(),
  })
}
