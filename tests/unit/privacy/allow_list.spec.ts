import { test } from '@japa/runner'
import { AllowList } from '#privacy/allow_list/allow_list'

const allowList = AllowList.builtIn()

/** Whether the allow-list covers the first occurrence of `part` in `text`. */
function covers(text: string, part: string, list = allowList) {
  const start = text.indexOf(part)
  if (start < 0) throw new Error(`"${part}" is not in the text`)
  return list.covers(text, start, start + part.length)
}

test.group('AllowList', () => {
  test('covers eponyms, in any case and with a possessive', ({ assert }) => {
    assert.isTrue(covers('Known Parkinson disease.', 'Parkinson'))
    assert.isTrue(covers('Foley catheter placed.', 'Foley'))
    assert.isTrue(covers("Babinski's sign negative; APGAR 8/9", "Babinski's"))
    assert.isTrue(covers('Dix-Hallpike positive, Epley done.', 'Dix-Hallpike'))
  })

  test('covers a common surname that is an eponym only in its clinical phrase', ({ assert }) => {
    assert.isTrue(covers("Positive Murphy's sign.", 'Murphy'))
    assert.isTrue(covers('Bell palsy on the left.', 'Bell'))
    assert.isTrue(covers('Graves disease, on methimazole.', 'Graves'))
    assert.isFalse(covers('Lives with Murphy, her partner.', 'Murphy'))
  })

  test('does not cover an eponym used as a name after a title or label', ({ assert }) => {
    assert.isFalse(covers('Seen by Dr. Parkinson today.', 'Parkinson'))
    assert.isFalse(covers('Patient: Foley', 'Foley'))
  })

  test('covers generic and brand drug names', ({ assert }) => {
    for (const drug of ['lisinopril', 'Atorvastatin', 'metformin', 'Eliquis', 'LIPITOR', 'Ozempic', 'Humira']) {
      assert.isTrue(covers(`Takes ${drug} daily.`, drug), drug)
    }
  })

  test('covers vital signs, lab values and doses', ({ assert }) => {
    assert.isTrue(covers('BP 132/84, HR 72', '132/84'))
    assert.isTrue(covers('A1c 7.2 today', '7.2'))
    assert.isTrue(covers('SpO2 98% on RA', '98%'))
    assert.isTrue(covers('atorvastatin 20 mg nightly', '20 mg'))
    assert.isTrue(covers('albuterol 2 puffs q4h', '2 puffs'))
  })

  test('does not cover names, places or dates', ({ assert }) => {
    assert.isFalse(covers('Patient: Gregory Talbot', 'Gregory Talbot'))
    assert.isFalse(covers('Lives in Boone, NC', 'Boone'))
    assert.isFalse(covers('Seen on 3/14/2024', '3/14/2024'))
  })

  test('fromWords() knows a clinical vocabulary without letting it veto spans', ({ assert }) => {
    const list = AllowList.fromWords({ clinicalWords: new Set(['hypertension', 'hollow']), extraTerms: ['Zepzelca'] })
    assert.isTrue(list.isClinicalWord('Hypertension'))
    assert.isFalse(covers('Pine Hollow Family Medicine', 'Hollow', list))
    assert.isTrue(covers('Started Zepzelca.', 'Zepzelca', list))
  })
})
