import type { Recognizer } from '#privacy/recognizers/recognizer'
import { AllowList } from '#privacy/allow_list/allow_list'
import { NameRecognizer } from '#privacy/recognizers/name_recognizer'
import { LocationRecognizer } from '#privacy/recognizers/location_recognizer'
import { OrganizationRecognizer } from '#privacy/recognizers/organization_recognizer'

/** The dictionary recognizers with a given allow-list (e.g. one that knows the ICD-10-CM vocabulary). */
export function dictionaryRecognizers(allowList: AllowList): Recognizer[] {
  return [new NameRecognizer(allowList), new LocationRecognizer(), new OrganizationRecognizer(allowList)]
}

/** The dictionary recognizers (names, places, organisations), in the order they run. */
export const DICTIONARY_RECOGNIZERS: Recognizer[] = dictionaryRecognizers(AllowList.builtIn())
