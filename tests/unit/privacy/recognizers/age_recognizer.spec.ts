import { test } from '@japa/runner'
import { AgeRecognizer } from '#privacy/recognizers/age_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new AgeRecognizer()
const ages = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('AgeRecognizer', () => {
  test('finds ages over 89 in the common forms, the span being the number', ({ assert }) => {
    assert.deepEqual(ages('92 yo F; a 93-year-old man; aged 94; age: 101; Age 90; 95 y/o; 91 years old'), ['92', '93', '94', '101', '90', '95', '91'])
  })

  test('finds a decade over 89, a spelled-out age and a birthday', ({ assert }) => {
    assert.deepEqual(ages('a woman in her 90s; ninety-two year old; celebrated her 92nd birthday'), ['90s', 'ninety-two', '92'])
  })

  test('finds a number followed by the sex in a one-liner', ({ assert }) => {
    assert.deepEqual(ages('Pt is a 96 F with dementia'), ['96'])
  })

  test('ignores ages of 89 and under', ({ assert }) => {
    assert.deepEqual(ages('46 yo M; 89-year-old; aged 75; in her 80s'), [])
  })

  test('ignores vital signs and lab values over 89', ({ assert }) => {
    assert.deepEqual(ages('HR 92 M; glucose 104; SpO2 97; T 99.0; weight 95 kg'), [])
  })
})
