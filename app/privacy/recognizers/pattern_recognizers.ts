import type { Recognizer } from '#privacy/recognizers/recognizer'
import { AddressRecognizer } from '#privacy/recognizers/address_recognizer'
import { AgeRecognizer } from '#privacy/recognizers/age_recognizer'
import { DateRecognizer } from '#privacy/recognizers/date_recognizer'
import { EmailRecognizer } from '#privacy/recognizers/email_recognizer'
import { IpRecognizer } from '#privacy/recognizers/ip_recognizer'
import { LabelledIdRecognizer } from '#privacy/recognizers/labelled_id_recognizer'
import { PhoneRecognizer } from '#privacy/recognizers/phone_recognizer'
import { SsnRecognizer } from '#privacy/recognizers/ssn_recognizer'
import { UrlRecognizer } from '#privacy/recognizers/url_recognizer'
import { VehicleRecognizer } from '#privacy/recognizers/vehicle_recognizer'
import { ZipRecognizer } from '#privacy/recognizers/zip_recognizer'

/** The pattern recognizers, in the order they run. */
export const PATTERN_RECOGNIZERS: Recognizer[] = [
  new EmailRecognizer(),
  new UrlRecognizer(),
  new IpRecognizer(),
  new SsnRecognizer(),
  new PhoneRecognizer(),
  new DateRecognizer(),
  new AgeRecognizer(),
  new LabelledIdRecognizer(),
  new VehicleRecognizer(),
  new AddressRecognizer(),
  new ZipRecognizer(),
]
