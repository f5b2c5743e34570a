import { test } from '@japa/runner'
import { DateRecognizer } from '#privacy/recognizers/date_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new DateRecognizer()
const dates = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('DateRecognizer', () => {
  test('finds numeric dates with slashes, dashes and dots, US and day-first', ({ assert }) => {
    assert.deepEqual(dates('DOB 01/16/2024, seen 1/6/24, 1-9-24 and 14/02/1995; 01.16.2024'), ['01/16/2024', '1/6/24', '1-9-24', '14/02/1995', '01.16.2024'])
  })

  test('finds ISO dates', ({ assert }) => {
    assert.deepEqual(dates('EGD 2022-06-30 and 1977/12/03'), ['2022-06-30', '1977/12/03'])
  })

  test('finds dates written with month names, ordinals and days first', ({ assert }) => {
    assert.deepEqual(dates('16-Jan-2024; Jan 16, 2024; January 16th, 2024; 16 January 2024; the 3rd of March; Sept. 5'), [
      '16-Jan-2024',
      'Jan 16, 2024',
      'January 16th, 2024',
      '16 January 2024',
      '3rd of March',
      'Sept. 5',
    ])
  })

  test('finds a month with a year, numeric or written', ({ assert }) => {
    assert.deepEqual(dates('FIT negative Feb 2023; divorced March 2023; Tdap 6/2019; last seen 12/2023; March of 2021'), [
      'Feb 2023',
      'March 2023',
      '6/2019',
      '12/2023',
      'March of 2021',
    ])
  })

  test('finds partial dates such as 3/14 and a month standing alone', ({ assert }) => {
    assert.deepEqual(dates('Started on 3/14, stopped 4/2. Sober since August; flu shot in October; follow up in May.'), ['3/14', '4/2', 'August', 'October', 'May'])
  })

  test('finds a compact date only after a date label', ({ assert }) => {
    assert.deepEqual(dates('DOB: 19640914; order 20240116'), ['19640914'])
  })

  test('leaves years, times, weekdays, durations and relative dates alone', ({ assert }) => {
    assert.deepEqual(dates('In 2019, at 14:30 on Tuesday, for 3 days, 2 weeks ago, HD3, last Tuesday.'), [])
  })

  test('leaves vitals, lab values and ratios alone', ({ assert }) => {
    assert.deepEqual(dates('BP 128/78 | HR 72; BP 120/80; ABG 7.33/58/52; VBG 7.38/52; averages 136/84; fluticasone-salmeterol 500/50'), [])
  })

  test('leaves scores, fractions and counts alone', ({ assert }) => {
    assert.deepEqual(dates('pain 6/10, strength 5/5 LE, 2/6 systolic murmur, headache 8/10 -> 1/10, absent at 6/10 sites, 1/2 tab, smokes 1/2 ppd, 1 1/2 tablets, 24/7 care, 3-4/month'), [])
  })

  test('leaves doses, codes and G/P notation alone', ({ assert }) => {
    assert.deepEqual(dates('A1c 6.1, metformin 20 mg, E11.9, CPT 99214, G2P1, 5-7% weight loss, 2-3 days/week'), [])
  })

  test('does not take lowercase may or march, or a month used as a first name, for a date', ({ assert }) => {
    assert.deepEqual(dates('She may march on. Her sister June Carter visited; Mrs. April came too.'), [])
  })

  test('rejects impossible month and day combinations', ({ assert }) => {
    assert.deepEqual(dates('seen 13/45/2024 and 02/30/2024 and Feb 31'), [])
  })

  test('labels its spans DATE with the rules:date source', ({ assert }) => {
    const [span] = recognizer.recognize('DOB 09/14/1964', { dictionaries: builtInDictionaries() })
    assert.deepInclude(span, { start: 4, end: 14, type: 'DATE', text: '09/14/1964', source: 'rules:date' })
    assert.isAtLeast(span.score, 0.9)
  })

  test('a year of birth alone is a date when it reveals an age over 89, and only then', ({ assert }) => {
    const old = new Date().getUTCFullYear() - 95
    const young = new Date().getUTCFullYear() - 60
    assert.deepEqual(dates(`Born in ${old} in Ohio; DOB: ${old}. Her son, born ${young}, came too. Married in ${old}.`), [String(old), String(old)])
  })
})
