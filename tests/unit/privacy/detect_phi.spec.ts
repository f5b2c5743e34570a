import { test } from '@japa/runner'
import { detectPhiWithRules } from '#privacy/services/detect_phi'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

/*
| The rules path end to end with only the built-in lists (no reference pack),
| on notes written for this test, not taken from the tuning set.
*/
const found = (text: string) => detectPhiWithRules(text, { dictionaries: builtInDictionaries() }).map((span) => `${span.type}:${span.text}`)

test.group('Rules path with the built-in lists', () => {
  test('finds the identifiers of a clinic note header and its signature', ({ assert }) => {
    const note = [
      'Riverbend Cardiology Associates',
      'Patient: Olufemi Adeyemi-Clarke   DOB: 02/29/1952   MRN: 00831977',
      'Visit: March 3rd, 2025   Attending: Dr. Ines Vasquez-Bauer',
      'Address: 77 W. Larkspur Ln, Apt 2, Tulsa, OK 74103   Phone: 918.555.0199',
      '',
      'Assessment: chronic atrial fibrillation on apixaban 5 mg BID. BP 142/88, HR 61. CHA2DS2-VASc 4.',
      'Electronically signed by Ines Vasquez-Bauer, MD on 03/03/2025 14:22',
    ].join('\n')
    const spans = found(note)
    for (const expected of [
      'NAME:Olufemi Adeyemi-Clarke',
      'DATE:02/29/1952',
      'MRN:00831977',
      'DATE:March 3rd, 2025',
      'NAME:Ines Vasquez-Bauer',
      'CITY:Tulsa',
      'STATE:OK',
      'ZIP:74103',
      'PHONE:918.555.0199',
      'DATE:03/03/2025',
    ]) {
      assert.include(spans, expected)
    }
    assert.isTrue(spans.some((span) => span.startsWith('ADDRESS:77 W. Larkspur Ln')), spans.join(' | '))
    assert.isTrue(spans.some((span) => span.startsWith('ORGANIZATION:Riverbend Cardiology Associates')))
    for (const clinical of ['142/88', 'apixaban', '5 mg', '14:22', 'CHA2DS2']) {
      assert.isFalse(spans.some((span) => span.includes(clinical)), `${clinical} is not PHI`)
    }
  })

  test('leaves eponyms, drugs and readings alone', ({ assert }) => {
    assert.deepEqual(found('Positive Murphy sign; Foley removed; Apgar 8/9; started Lipitor 20 mg; A1c 7.2; ABG 7.33/58/52.'), [])
  })
})
