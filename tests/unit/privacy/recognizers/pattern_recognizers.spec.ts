import { test } from '@japa/runner'
import { PATTERN_RECOGNIZERS } from '#privacy/recognizers/pattern_recognizers'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const context = { dictionaries: builtInDictionaries() }
const findAll = (text: string) => PATTERN_RECOGNIZERS.flatMap((recognizer) => recognizer.recognize(text, context))

test.group('PATTERN_RECOGNIZERS', () => {
  test('registers every pattern recognizer once, each under its own rules: name', ({ assert }) => {
    const names = PATTERN_RECOGNIZERS.map((recognizer) => recognizer.name)
    assert.sameMembers(names, ['rules:email', 'rules:url', 'rules:ip', 'rules:ssn', 'rules:phone', 'rules:date', 'rules:age', 'rules:id', 'rules:vehicle', 'rules:address', 'rules:zip'])
  })

  test('finds each pattern type in a note header, with offsets matching the text', ({ assert }) => {
    const text = [
      'Pt: Rosemary Quinlan   Age: 92   DOB 03/03/1932   MRN HMH-0044219   Acct 7781234   SSN 529-83-1046',
      'Address: 318 Depot Street, Boone, NC 28607   Phone (256) 713-4409   Fax (256) 713-4410',
      'Email rq@mail.example; portal https://portal.example/rq; IP 192.0.2.146; Member ID XQR4418230701',
      'DEA FP3318072; pacemaker serial PM-2209-1183; VIN 1M8GDM9AXKP042788; fingerprint ID FPT-3390-7720',
    ].join('\n')
    const spans = findAll(text)
    for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text)
    assert.includeMembers(
      [...new Set(spans.map((span) => span.type))],
      ['AGE', 'DATE', 'MRN', 'ACCOUNT', 'SSN', 'ADDRESS', 'ZIP', 'PHONE', 'FAX', 'EMAIL', 'URL', 'IP', 'HEALTH_PLAN_ID', 'LICENSE', 'DEVICE_ID', 'VEHICLE_ID', 'BIOMETRIC']
    )
    for (const span of spans) {
      assert.isAtLeast(span.score, 0.5)
      assert.isAtMost(span.score, 0.99)
    }
  })

  test('reports nothing in clinical text full of numbers that are not PHI', ({ assert }) => {
    const text = `BP 128/78 | HR 72 | RR 16 | T 98.6 | SpO2 97% RA. A1c 6.1 (was 5.9). ABG 7.33/58/52, VBG 7.38/52. G2P1 at 32 weeks.
Metformin 500 mg BID, lisinopril 20 mg daily, 1/2 tab qHS, fluticasone-salmeterol 250/50. Dx E11.9, I10, Z79.4; CPT 99214, 93000, 36415.
Goal 5-7% weight loss; walks 2-3 days/week; pain 6/10; strength 5/5 bilaterally; 2/6 systolic murmur; reflexes 2/4; vision 20/40.
Smokes 1/2 ppd x20 years; PHQ-9 score 14; MMSE 27/30; Apgars 8/9; EF 55-60%; K 4.3, Cr 0.9, eGFR >60; INR 2.4 (goal 2-3).
Seen at 14:30 on Tuesday, 3 days ago, HD3. In 2019 she had COVID-19. Return in 4-6 weeks. Take 1 1/2 tablets. 24/7 supervision.
Order CBC; case discussed; Group B strep negative; member of the care team; Medicare since 2019. See Dr. Lee in 2 weeks.`
    assert.deepEqual(findAll(text).map((span) => `${span.type} ${span.text}`), [])
  })
})
