import { test } from '@japa/runner'
import { SsnRecognizer } from '#privacy/recognizers/ssn_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new SsnRecognizer()
const context = { dictionaries: builtInDictionaries() }
const ssns = (text: string) => recognizer.recognize(text, context).map((span) => span.text)

test.group('SsnRecognizer', () => {
  test('finds dashed SSNs with or without a label', ({ assert }) => {
    assert.deepEqual(ssns('SSN: 611-29-4470; on file 529-83-1046'), ['611-29-4470', '529-83-1046'])
  })

  test('finds space-separated and unseparated SSNs after an SSN cue', ({ assert }) => {
    assert.deepEqual(ssns('Social Security number 529 83 1046; SSN 529831046'), ['529 83 1046', '529831046'])
  })

  test('finds masked SSNs that keep the last four digits, and a labelled last four', ({ assert }) => {
    assert.deepEqual(ssns('SSN xxx-xx-3381; ***-**-1234; SSN last 4: 9921'), ['xxx-xx-3381', '***-**-1234', '9921'])
  })

  test('reports an invalid number labelled SSN, with a lower score', ({ assert }) => {
    const [span] = recognizer.recognize('SSN: 000-12-3456', context)
    assert.equal(span.text, '000-12-3456')
    assert.isBelow(span.score, 0.9)
  })

  test('ignores unlabelled numbers that break the SSN rules, and phone numbers', ({ assert }) => {
    assert.deepEqual(ssns('ref 000-12-3456, 666-12-3456, 912-34-5678, 123-00-4567, 123-45-0000; call 555-555-0142'), [])
  })
})
