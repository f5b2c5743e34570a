import { test } from '@japa/runner'
import { OrganizationRecognizer } from '#privacy/recognizers/organization_recognizer'
import type { Dictionaries } from '#privacy/reference/dictionaries'

function dictionaries(): Dictionaries {
  return {
    source: { pack: 'test', version: '1' },
    firstNames: new Map(),
    lastNames: new Map(),
    cities: new Set(),
    states: new Map(),
    organizations: new Set(['mayo clinic', 'johns hopkins hospital', 'community hospital']),
    commonWords: new Set(),
  }
}

const recognizer = new OrganizationRecognizer()
const orgs = (text: string) => recognizer.recognize(text, { dictionaries: dictionaries() }).map((span) => span.text)

test.group('OrganizationRecognizer', () => {
  test('finds hospitals and health systems from the dictionary', ({ assert }) => {
    assert.deepEqual(orgs('Transferred from Mayo Clinic; records from JOHNS HOPKINS HOSPITAL.'), ['Mayo Clinic', 'JOHNS HOPKINS HOSPITAL'])
  })

  test('finds capitalised phrases ending in an organisation word', ({ assert }) => {
    assert.deepEqual(orgs('Pine Hollow Family Medicine, 318 Depot Street'), ['Pine Hollow Family Medicine'])
    assert.deepEqual(orgs('Works as a paralegal at Ferris & Keegan LLP.'), ['Ferris & Keegan LLP'])
    assert.deepEqual(orgs('Classmates at Haggard Elementary; cross-country at Los Altos Hills High School.'), ['Haggard Elementary', 'Los Altos Hills High School'])
    assert.deepEqual(orgs("Follow-up at Santa Fe Women's Clinic and Saint Vincent Regional Medical Center."), ["Santa Fe Women's Clinic", 'Saint Vincent Regional Medical Center'])
  })

  test('ends the name at its last organisation word', ({ assert }) => {
    assert.deepEqual(orgs('Mercy Hills Hospital Emergency Department'), ['Mercy Hills Hospital'])
  })

  test('extends over "of ..." after the organisation word', ({ assert }) => {
    assert.deepEqual(orgs("Kidsfirst Pediatrics of Plano; Women's Health of the Palouse"), ['Kidsfirst Pediatrics of Plano', "Women's Health of the Palouse"])
  })

  test('includes a numbered post', ({ assert }) => {
    assert.deepEqual(orgs('Weekly peer group at American Legion Post 214.'), ['American Legion Post 214'])
  })

  test('finds employers after employer cues', ({ assert }) => {
    assert.deepEqual(orgs('Works as a line cook at Dos Rios Cantina. Poor concentration at his job at Redstone Fabrication.'), [
      'Dos Rios Cantina',
      'Redstone Fabrication',
    ])
    assert.deepEqual(orgs('He retired from Tarheel Auto; employed by Acme Widgets.'), ['Tarheel Auto', 'Acme Widgets'])
  })

  test('finds pharmacy chains with store numbers', ({ assert }) => {
    assert.deepEqual(orgs('Rx sent to CVS Pharmacy #4512. Previously filled at Walgreens.'), ['CVS Pharmacy #4512', 'Walgreens'])
  })

  test('does not take a department or a generic facility for an organisation', ({ assert }) => {
    assert.deepEqual(orgs('To: Nephrology Clinic. Seen in Cardiology, then the ED. Radiology department called. Movement Disorders Clinic.'), [])
    assert.deepEqual(orgs('Follow up with Primary Care; Internal Medicine clinic; Community Hospital.'), [])
  })

  test('does not take headers in capitals for an organisation', ({ assert }) => {
    assert.deepEqual(orgs('PAST MEDICAL HISTORY: HTN\nHOSPITAL COURSE: uneventful'), [])
  })

  test('marks later mentions of an organisation found once', ({ assert }) => {
    assert.deepEqual(orgs('Riverbank General Hospital\nAdmitted to Riverbank General Hospital overnight.'), ['Riverbank General Hospital', 'Riverbank General Hospital'])
  })
})
