import { test } from '@japa/runner'
import { NameRecognizer } from '#privacy/recognizers/name_recognizer'
import type { Dictionaries } from '#privacy/reference/dictionaries'

/** A small pack: frequencies are log-scaled like a real one (1 = the most common). */
function dictionaries(): Dictionaries {
  return {
    source: { pack: 'test', version: '1' },
    firstNames: new Map([
      ['gregory', 0.8],
      ['mary', 0.95],
      ['kate', 0.7],
      ['walter', 0.8],
      ['jose', 0.85],
      ['will', 0.75],
      ['hope', 0.6],
      ['rose', 0.8],
      ['bill', 0.7],
      ['bonnie', 0.7],
      ['naomi', 0.7],
      ['erik', 0.7],
      ['honey', 0.4],
      ['scott', 0.9],
    ]),
    lastNames: new Map([
      ['smith', 1],
      ['jones', 0.97],
      ['grant', 0.8],
      ['ryan', 0.8],
      ['murphy', 0.86],
    ]),
    cities: new Set(['boone']),
    states: new Map([['nc', 'NC']]),
    organizations: new Set(),
    commonWords: new Set(['will', 'hope', 'may', 'grant', 'bill', 'rose', 'honey']),
  }
}

const recognizer = new NameRecognizer()
const names = (text: string) => recognizer.recognize(text, { dictionaries: dictionaries() }).map((span) => span.text)

test.group('NameRecognizer', () => {
  test('finds names after labels such as "Patient:" and "Provider:", without the label', ({ assert }) => {
    assert.deepEqual(names('Patient: Gregory Talbot     DOB: 10/21/1966\nProvider: Maren Ostrowski, MD'), ['Gregory Talbot', 'Maren Ostrowski'])
  })

  test('keeps titles and credentials outside the span', ({ assert }) => {
    assert.deepEqual(names('Referred by Dr. Vance.\nM. Ostrowski, MD\nOmar Siddiqui, PA-C'), ['Vance', 'M. Ostrowski', 'Omar Siddiqui'])
  })

  test('takes a capitalised word no list knows for a name in strong name context', ({ assert }) => {
    assert.deepEqual(names('Attending cardiologist: Carmen Ruiz-Delgado, MD'), ['Carmen Ruiz-Delgado'])
    assert.deepEqual(names('PCP/Endo: Dr. Rowena Castillo'), ['Rowena Castillo'])
  })

  test('finds relatives and companions named after "wife", "mother (", "roommate"', ({ assert }) => {
    assert.deepEqual(names('Married, wife Bonnie does most of the cooking.'), ['Bonnie'])
    assert.deepEqual(names('Accompanied by mother (Heather Vanderpool), who consented.'), ['Heather Vanderpool'])
    assert.deepEqual(names('Roommate (Devin Park) drove him in.'), ['Devin Park'])
  })

  test('handles apostrophes, hyphens and accented letters', ({ assert }) => {
    assert.deepEqual(names("Patient: Seamus O'Brien"), ["Seamus O'Brien"])
    assert.deepEqual(names('Name: Mary-Kate Smith-Jones'), ['Mary-Kate Smith-Jones'])
    assert.deepEqual(names('Patient: José Núñez. Seen with Dr. Nguyễn.'), ['José Núñez', 'Nguyễn'])
  })

  test('reads "Last, First" after a label as one name', ({ assert }) => {
    assert.deepEqual(names('Patient: Talbot, Gregory\nDOB 1/1/1960'), ['Talbot, Gregory'])
  })

  test('finds a known first name followed by a capitalised word without any cue', ({ assert }) => {
    assert.deepEqual(names('The dog is owned by a neighbour, Walter Brunner, who has records.'), ['Walter Brunner'])
  })

  test('takes a word that is also an ordinary word for a name only in name context', ({ assert }) => {
    assert.deepEqual(names('Will follow up in 2 weeks. Hope to taper. Grant application pending.'), [])
    assert.deepEqual(names('Seen with Dr. Will Grant; daughter Hope visits daily.'), ['Will Grant', 'Hope'])
  })

  test('does not take a lone rare name at the start of a sentence for a person', ({ assert }) => {
    assert.deepEqual(names('No antibiotics. Honey, fluids and rest.'), [])
  })

  test('finds a frequent lone name inside a sentence', ({ assert }) => {
    assert.deepEqual(names('Discussed the plan with Scott at the bedside.'), ['Scott'])
  })

  test('finds a name before an age and sex, as in note headers', ({ assert }) => {
    assert.deepEqual(names('Ethan Vanderpool, 16 M     DOB 05/05/2007'), ['Ethan Vanderpool'])
  })

  test('marks later mentions of a name found once, surname alone included', ({ assert }) => {
    assert.deepEqual(names('RE: Wilbur Tremaine, DOB 12/30/1954\nI am referring Mr. Tremaine. Tremaine agrees.'), ['Wilbur Tremaine', 'Tremaine', 'Tremaine'])
  })

  test('skips eponyms and drug names', ({ assert }) => {
    assert.deepEqual(names('Positive Murphy sign. Foley placed. Parkinson disease on Sinemet. Started Eliquis.'), [])
  })

  test('still finds a surname that is an eponym after a title', ({ assert }) => {
    assert.deepEqual(names('Seen by Dr. Murphy in clinic.'), ['Murphy'])
  })

  test('leaves organisations, streets, departments and header words alone', ({ assert }) => {
    assert.deepEqual(names('Provider: Pine Hollow Family Medicine, 318 Depot Street, Boone, NC 28607'), [])
    assert.deepEqual(names('HPI: 58 yo M. RTC 3 months. Referred by OB/GYN. CC: RLQ pain.'), [])
    assert.deepEqual(names('Speaks English; Medicare Advantage plan.'), [])
  })

  test('does not take a city with a state code and ZIP for a name with credentials', ({ assert }) => {
    assert.deepEqual(names('47 Quarry Hill Rd, Latrobe, PA 15650'), [])
  })

  test('spans are typed NAME with the dictionary source and exact offsets', ({ assert }) => {
    const text = 'Patient: Gregory Talbot'
    const [span] = recognizer.recognize(text, { dictionaries: dictionaries() })
    assert.deepInclude(span, { type: 'NAME', source: 'dictionary:name', start: 9, end: 23 })
    assert.equal(text.slice(span.start, span.end), span.text)
    assert.isAbove(span.score, 0.5)
  })
})
