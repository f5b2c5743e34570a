import { ai } from '#ai/index'
import privacyConfig from '#config/privacy'
import type { PhiSpan } from '#privacy/phi_types'
import { detectPhiWithRules } from '#privacy/services/detect_phi'
import { loadDictionaries } from '#privacy/reference/load_dictionaries'
import { NerRecognizer } from '#privacy/recognizers/ner_recognizer'

/** What found the PHI: the rules with which word lists, and the NER model if one is installed. */
export interface PhiEngine {
  rules: string
  dictionaries: { pack: string; version: string }
  ner: { name: string; version: string } | null
}

export const RULES_VERSION = 'rules-v1'

const ner = new NerRecognizer()

/**
 * Finds the PHI in a text: the NER model assigned to `phi-ner` (when there
 * is one) and the rules with the loaded reference lists, merged by the
 * decision layer. Spans use JavaScript string offsets.
 */
export async function findPhi(text: string): Promise<{ spans: PhiSpan[]; engine: PhiEngine }> {
  const [dictionaries, nerEngine] = await Promise.all([loadDictionaries(), ai.engineFor('phi-ner')])
  /* Without a phi-ner model there is nothing to ask the inference service. */
  const nerSpans = nerEngine.type === 'model' ? await ner.recognize(text) : []
  const spans = detectPhiWithRules(text, { dictionaries, extraSpans: nerSpans, threshold: privacyConfig.threshold })
  return {
    spans,
    engine: {
      rules: RULES_VERSION,
      dictionaries: dictionaries.source,
      ner: nerEngine.type === 'model' ? { name: nerEngine.name, version: nerEngine.version } : null,
    },
  }
}
