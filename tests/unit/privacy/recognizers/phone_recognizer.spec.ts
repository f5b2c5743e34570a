import { test } from '@japa/runner'
import { PhoneRecognizer } from '#privacy/recognizers/phone_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new PhoneRecognizer()
const phones = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => `${span.type} ${span.text}`)

test.group('PhoneRecognizer', () => {
  test('finds NANP numbers in the usual written forms', ({ assert }) => {
    assert.deepEqual(phones('(555) 555-0142, 555-555-0142, 555.555.0142, +1 555 555 0142, 1-800-555-0199'), [
      'PHONE (555) 555-0142',
      'PHONE 555-555-0142',
      'PHONE 555.555.0142',
      'PHONE +1 555 555 0142',
      'PHONE 1-800-555-0199',
    ])
  })

  test('keeps an extension with the number', ({ assert }) => {
    assert.deepEqual(phones('office 555-555-0142 x123 or 555-555-0143 ext. 45'), ['PHONE 555-555-0142 x123', 'PHONE 555-555-0143 ext. 45'])
  })

  test('takes an unseparated ten-digit number, and a local seven-digit number after a phone cue', ({ assert }) => {
    assert.deepEqual(phones('call 5555550142; tel 555-0142'), ['PHONE 5555550142', 'PHONE 555-0142'])
  })

  test('types a number FAX when the nearest cue before it is a fax cue', ({ assert }) => {
    assert.deepEqual(phones('Phone 906-228-3310 - Fax 906-228-3319'), ['PHONE 906-228-3310', 'FAX 906-228-3319'])
    assert.deepEqual(phones('clinic phone (520) 622-8130, summary faxed to (520) 622-8139.'), ['PHONE (520) 622-8130', 'FAX (520) 622-8139'])
    assert.deepEqual(phones('Please fax your consult note to 208-377-5090. F: 208-377-5091'), ['FAX 208-377-5090', 'FAX 208-377-5091'])
  })

  test('types a number FAX when (fax) follows it', ({ assert }) => {
    assert.deepEqual(phones('555-555-0142 (fax)'), ['FAX 555-555-0142'])
  })

  test('finds international numbers written with a plus sign', ({ assert }) => {
    assert.deepEqual(phones('+46 (0)8 928 571 38 and +44 7700 900123'), ['PHONE +46 (0)8 928 571 38', 'PHONE +44 7700 900123'])
  })

  test('scores an invalid NANP number lower but still reports it after a phone cue', ({ assert }) => {
    const [span] = recognizer.recognize('Phone: 123-456-7890', { dictionaries: builtInDictionaries() })
    assert.equal(span.text, '123-456-7890')
    assert.isBelow(span.score, 0.9)
  })

  test('leaves dates, SSNs, ranges, NPIs and vitals alone', ({ assert }) => {
    assert.deepEqual(phones('DOB 02-11-1986; 2024-01-16; 123-45-6789; fasting 110-150; NPI 1234567893; BP 128/78; MRN 1234567'), [])
  })
})
