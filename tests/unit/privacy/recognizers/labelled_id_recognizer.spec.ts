import { test } from '@japa/runner'
import { LabelledIdRecognizer } from '#privacy/recognizers/labelled_id_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new LabelledIdRecognizer()
const context = { dictionaries: builtInDictionaries() }
const ids = (text: string) => recognizer.recognize(text, context).map((span) => `${span.type} ${span.text}`)

test.group('LabelledIdRecognizer', () => {
  test('finds medical record numbers after their labels', ({ assert }) => {
    assert.deepEqual(ids('MRN NLO-772018; MR# 5502918; Medical record #: BHP-5502918; Chart # 778812'), [
      'MRN NLO-772018',
      'MRN 5502918',
      'MRN BHP-5502918',
      'MRN 778812',
    ])
  })

  test('finds account numbers, including FIN and payment cards', ({ assert }) => {
    assert.deepEqual(ids('Acct# ED-240219-0471; FIN: SVH-FIN-7102284; Billing account 884120019; card 4111 1111 1111 1111'), [
      'ACCOUNT ED-240219-0471',
      'ACCOUNT SVH-FIN-7102284',
      'ACCOUNT 884120019',
      'ACCOUNT 4111 1111 1111 1111',
    ])
  })

  test('finds health plan ids after member, policy, Medicare and sponsor labels', ({ assert }) => {
    assert.deepEqual(ids('Member ID: HMX771203448; Medicare MBI 5KX3-TY8-MM04; TRICARE, sponsor ID TRC-1188-402177; Medicare Advantage plan (member UPM-2290-448107); Policy # 99812-A'), [
      'HEALTH_PLAN_ID HMX771203448',
      'HEALTH_PLAN_ID 5KX3-TY8-MM04',
      'HEALTH_PLAN_ID TRC-1188-402177',
      'HEALTH_PLAN_ID UPM-2290-448107',
      'HEALTH_PLAN_ID 99812-A',
    ])
  })

  test('finds licence and DEA numbers', ({ assert }) => {
    assert.deepEqual(ids('DEA FP3318072; (OR license MD-188204); CDL D2287-44190-31; DL# S530-4412-9981'), [
      'LICENSE FP3318072',
      'LICENSE MD-188204',
      'LICENSE D2287-44190-31',
      'LICENSE S530-4412-9981',
    ])
  })

  test('finds device serials and biometric ids, skipping a few words between label and value', ({ assert }) => {
    assert.deepEqual(ids('S/N PCF-7H2210943; hearing aid (serial HA-R3-5580419); device ID OAE-44721-B; palm-vein biometric (ID PV-77201-HMH); fingerprint token FPT-3390-7720-AX'), [
      'DEVICE_ID PCF-7H2210943',
      'DEVICE_ID HA-R3-5580419',
      'DEVICE_ID OAE-44721-B',
      'BIOMETRIC PV-77201-HMH',
      'BIOMETRIC FPT-3390-7720-AX',
    ])
  })

  test('finds other ids, the nearest label deciding the type', ({ assert }) => {
    assert.deepEqual(ids('applied for Medicaid (application #MA-2023-7781102); tag #RV-2023-08817; case AC-23-4471; Encounter # 55120034; Accession: S24-11873'), [
      'OTHER_ID MA-2023-7781102',
      'OTHER_ID RV-2023-08817',
      'OTHER_ID AC-23-4471',
      'OTHER_ID 55120034',
      'OTHER_ID S24-11873',
    ])
  })

  test('scores an NPI with a valid check digit higher than one without', ({ assert }) => {
    const [valid, invalid] = recognizer.recognize('NPI 1234567893, NPI 1234567890', context)
    assert.equal(valid.text, '1234567893')
    assert.isAbove(valid.score, invalid.score)
  })

  test('reports unlabelled code-like ids with a low score', ({ assert }) => {
    const [span] = recognizer.recognize('Mother: Emi Nakagawa (LFB-1183390)', context)
    assert.deepInclude(span, { type: 'OTHER_ID', text: 'LFB-1183390' })
    assert.isBelow(span.score, 0.6)
  })

  test('ignores labels followed by words, doses, dates or short numbers', ({ assert }) => {
    assert.deepEqual(ids('MRN: pending. Order CBC; order 500 mg; case of pneumonia; Group B strep; Medicare since 2019; member of the team; Visit 02/27/2024; chart 12'), [])
  })

  test('ignores clinical codes and lab names', ({ assert }) => {
    assert.deepEqual(ids('COVID-19, ICD-10 E11.9, CPT 99214, HbA1c, PHQ-9, CHA2DS2-VASc, T2DM'), [])
  })
})
