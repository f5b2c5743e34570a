import { test } from '@japa/runner'
import { AppError } from '#kernel/index'
import { deidentify } from '#privacy/deidentify/deidentify'
import { createDeidentifyScope } from '#privacy/deidentify/deidentify_scope'
import type { PhiSpan, PhiType } from '#privacy/phi_types'

/** Spans for the given values, each searched after the previous one. */
function spansOf(text: string, entities: [string, PhiType][]): PhiSpan[] {
  let cursor = 0
  return entities.map(([value, type]) => {
    const start = text.indexOf(value, cursor)
    if (start === -1) throw new Error(`"${value}" is not in the text after offset ${cursor}`)
    cursor = start + value.length
    return { start, end: cursor, type, text: value, score: 1, source: 'test' }
  })
}

const NOTE = 'Gregory Talbot (MRN PHF-204471) called 555-0142 on 03/14/2024. Mr. Talbot was seen at Pine Hollow Family Medicine.'
const NOTE_SPANS = spansOf(NOTE, [
  ['Gregory Talbot', 'NAME'],
  ['PHF-204471', 'MRN'],
  ['555-0142', 'PHONE'],
  ['03/14/2024', 'DATE'],
  ['Talbot', 'NAME'],
  ['Pine Hollow Family Medicine', 'ORGANIZATION'],
])

test.group('deidentify: redact, mask and tokenize', () => {
  test('redact replaces every span with [REDACTED] and reports each replacement with its input offsets', ({ assert }) => {
    const text = 'Seen by Dr. Vance on 01/16/2024.'
    const result = deidentify(text, spansOf(text, [['Vance', 'NAME'], ['01/16/2024', 'DATE']]), { operator: 'redact' })
    assert.equal(result.text, 'Seen by Dr. [REDACTED] on [REDACTED].')
    assert.deepEqual(result.replacements, [
      { start: 12, end: 17, type: 'NAME', original: 'Vance', replacement: '[REDACTED]' },
      { start: 21, end: 31, type: 'DATE', original: '01/16/2024', replacement: '[REDACTED]' },
    ])
  })

  test('mask turns letters and digits into * and keeps length and punctuation', ({ assert }) => {
    const text = 'Call 555-0142 or (256) 713-4409, email tk.barnes@mail.example.'
    const spans = spansOf(text, [['555-0142', 'PHONE'], ['(256) 713-4409', 'PHONE'], ['tk.barnes@mail.example', 'EMAIL']])
    assert.equal(deidentify(text, spans, { operator: 'mask' }).text, 'Call ***-**** or (***) ***-****, email **.******@****.*******.')
  })

  test('tokenize gives each entity a numbered placeholder per type, the same for the same entity in any case or spacing', ({ assert }) => {
    const text = 'John  Smith met Ann Lee on 3/14. JOHN SMITH returned on 3/20 with Ann Lee.'
    const spans = spansOf(text, [
      ['John  Smith', 'NAME'],
      ['Ann Lee', 'NAME'],
      ['3/14', 'DATE'],
      ['JOHN SMITH', 'NAME'],
      ['3/20', 'DATE'],
      ['Ann Lee', 'NAME'],
    ])
    assert.equal(
      deidentify(text, spans, { operator: 'tokenize' }).text,
      '[NAME_1] met [NAME_2] on [DATE_1]. [NAME_1] returned on [DATE_2] with [NAME_2].'
    )
  })

  test('a scope passed from document to document keeps the tokens of an encounter consistent', ({ assert }) => {
    const scope = createDeidentifyScope()
    const first = 'Referral for Ann Lee from Bob Ray.'
    const second = 'Bob Ray and Cy Dunn reviewed Ann Lee.'
    deidentify(first, spansOf(first, [['Ann Lee', 'NAME'], ['Bob Ray', 'NAME']]), { operator: 'tokenize', scope })
    const result = deidentify(second, spansOf(second, [['Bob Ray', 'NAME'], ['Cy Dunn', 'NAME'], ['Ann Lee', 'NAME']]), {
      operator: 'tokenize',
      scope,
    })
    assert.equal(result.text, '[NAME_2] and [NAME_3] reviewed [NAME_1].')
    assert.strictEqual(result.scope, scope)
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(scope)))
  })

  test('text without spans comes back unchanged', ({ assert }) => {
    assert.deepEqual(deidentify('BP 132/84, A1c 7.2', [], { operator: 'tokenize' }).text, 'BP 132/84, A1c 7.2')
    assert.equal(deidentify('', [], { operator: 'redact' }).text, '')
  })

  test('an unknown operator is a 422 PHI_UNKNOWN_OPERATOR that names the valid ones', ({ assert }) => {
    try {
      deidentify(NOTE, NOTE_SPANS, { operator: 'shred' })
      assert.fail('expected an error')
    } catch (error) {
      assert.instanceOf(error, AppError)
      assert.equal((error as AppError).code, 'PHI_UNKNOWN_OPERATOR')
      assert.equal((error as AppError).status, 422)
      assert.include((error as AppError).message, 'redact, mask, tokenize, surrogate')
    }
  })

  test('overlapping spans are refused rather than producing garbled text', ({ assert }) => {
    const spans = spansOf('Gregory Talbot', [['Gregory Talbot', 'NAME']])
    assert.throws(() => deidentify('Gregory Talbot', [...spans, { ...spans[0], start: 8 }], { operator: 'redact' }), /must not overlap/)
  })
})

test.group('deidentify: surrogate', () => {
  test('every value is replaced by a different, realistic one of the same shape', ({ assert }) => {
    const { text, replacements } = deidentify(NOTE, NOTE_SPANS, { operator: 'surrogate', scope: createDeidentifyScope({ dateShiftDays: -30 }) })
    for (const { original } of replacements) assert.notInclude(text, original)

    const [name, mrn, phone, date, lastName, organization] = replacements.map((replacement) => replacement.replacement)
    assert.match(name, /^[A-Z][a-z]+ [A-Z][a-z]+$/)
    assert.match(mrn, /^[A-Z]{3}-\d{6}$/)
    assert.match(phone, /^555-01\d\d$/)
    assert.equal(date, '02/13/2024')
    assert.equal(lastName, name.split(' ')[1], '"Talbot" alone is the same surrogate person as "Gregory Talbot"')
    assert.match(organization, / Family Medicine$/)
  })

  test('the same entity gets the same surrogate, different entities different ones', ({ assert }) => {
    const text = 'Ann Lee, Bob Ray, ANN LEE; 555-0100, 555-0199, 555-0100; Boone, Macon, boone'
    const spans = spansOf(text, [
      ['Ann Lee', 'NAME'],
      ['Bob Ray', 'NAME'],
      ['ANN LEE', 'NAME'],
      ['555-0100', 'PHONE'],
      ['555-0199', 'PHONE'],
      ['555-0100', 'PHONE'],
      ['Boone', 'CITY'],
      ['Macon', 'CITY'],
      ['boone', 'CITY'],
    ])
    const values = deidentify(text, spans, { operator: 'surrogate' }).replacements.map((replacement) => replacement.replacement)
    assert.equal(values[2], values[0].toUpperCase())
    assert.notEqual(values[0], values[1])
    assert.equal(values[5], values[3])
    assert.notEqual(values[3], values[4])
    assert.equal(values[8], values[6].toLowerCase())
    assert.notEqual(values[6], values[7])
  })

  test('surrogates are deterministic for a seed and differ between seeds', ({ assert }) => {
    const run = (seed: string) => deidentify(NOTE, NOTE_SPANS, { operator: 'surrogate', scope: createDeidentifyScope({ seed, dateShiftDays: -10 }) }).text
    assert.equal(run('seed-a'), run('seed-a'))
    assert.notEqual(run('seed-a'), run('seed-b'))
  })

  test('a hundred different names in one scope still get a hundred different surrogates', ({ assert }) => {
    const names = Array.from({ length: 100 }, (_, index) => `Person${String.fromCharCode(65 + (index % 26))}${index} Family${index}`)
    const text = names.join('; ')
    const { replacements } = deidentify(text, spansOf(text, names.map((name) => [name, 'NAME'])), { operator: 'surrogate' })
    assert.equal(new Set(replacements.map((replacement) => replacement.replacement)).size, 100)
  })

  test('names keep their shape: initials, "Last, First", hyphenated and upper-case names', ({ assert }) => {
    const text = 'M. Ostrowski; Talbot, Gregory; Ibekwe-Hart; PETTIGREW'
    const spans = spansOf(text, [['M. Ostrowski', 'NAME'], ['Talbot, Gregory', 'NAME'], ['Ibekwe-Hart', 'NAME'], ['PETTIGREW', 'NAME']])
    const [initial, reversed, hyphenated, upper] = deidentify(text, spans, { operator: 'surrogate' }).replacements.map((r) => r.replacement)
    assert.match(initial, /^[A-Z]\. [A-Z][a-z]+$/)
    assert.match(reversed, /^[A-Z][a-z]+, [A-Z][a-z]+$/)
    assert.match(hyphenated, /^[A-Z][a-z]+-[A-Z][a-z]+$/)
    assert.match(upper, /^[A-Z]+$/)
  })

  test('identifiers get values that cannot be real: 9xx SSNs, example.org, documentation IP ranges', ({ assert }) => {
    const text = 'SSN 611-29-4470, tkbarnes82@quillmail.example, https://meet.example/v/BO-0807, 192.0.2.146 / 2001:db8::7, ZIP 28607-1234'
    const spans = spansOf(text, [
      ['611-29-4470', 'SSN'],
      ['tkbarnes82@quillmail.example', 'EMAIL'],
      ['https://meet.example/v/BO-0807', 'URL'],
      ['192.0.2.146', 'IP'],
      ['2001:db8::7', 'IP'],
      ['28607-1234', 'ZIP'],
    ])
    const [ssn, email, url, ipv4, ipv6, zip] = deidentify(text, spans, { operator: 'surrogate' }).replacements.map((r) => r.replacement)
    assert.match(ssn, /^9\d\d-\d\d-\d{4}$/)
    assert.match(email, /^user\d{4}@example\.org$/)
    assert.match(url, /^https:\/\/example\.org\/r\/[a-z]{8}$/)
    assert.match(ipv4, /^192\.0\.2\.\d+$/)
    assert.match(ipv6, /^2001:db8::[0-9a-f]+$/)
    assert.match(zip, /^\d{5}-\d{4}$/)
  })

  test('addresses keep their number shape and street suffix; organisations keep what kind of place they are', ({ assert }) => {
    const text = '1400 Lakeshore Blvd, Suite 3 near Saint Vincent Regional Medical Center'
    const spans = spansOf(text, [['1400 Lakeshore Blvd, Suite 3', 'ADDRESS'], ['Saint Vincent Regional Medical Center', 'ORGANIZATION']])
    const [address, organization] = deidentify(text, spans, { operator: 'surrogate' }).replacements.map((r) => r.replacement)
    assert.match(address, /^\d{4} [A-Z][a-z]+( [A-Z][a-z]+)? Blvd, Suite \d$/)
    assert.notInclude(address, 'Lakeshore')
    assert.match(organization, / Regional Medical Center$/)
    assert.notInclude(organization, 'Vincent')
  })

  test('ages over 89 become "90+"; younger ages are not identifiers and stay', ({ assert }) => {
    const text = 'aged 93, spouse 90, son 64'
    const spans = spansOf(text, [['93', 'AGE'], ['90', 'AGE'], ['64', 'AGE']])
    assert.equal(deidentify(text, spans, { operator: 'surrogate' }).text, 'aged 90+, spouse 90+, son 64')
  })

  test('all dates move by one offset per scope, so intervals between them are preserved', ({ assert }) => {
    const scope = createDeidentifyScope()
    const text = 'Admitted 03/01/2024, discharged March 4, 2024; follow-up 2024-03-18.'
    const result = deidentify(text, spansOf(text, [['03/01/2024', 'DATE'], ['March 4, 2024', 'DATE'], ['2024-03-18', 'DATE']]), {
      operator: 'surrogate',
      scope,
    })
    assert.isNumber(scope.dateShiftDays)
    assert.isAtLeast(scope.dateShiftDays!, -365)
    assert.isAtMost(scope.dateShiftDays!, -1)

    const [admitted, discharged, followUp] = result.replacements.map((r) => r.replacement)
    assert.match(admitted, /^\d\d\/\d\d\/\d{4}$/)
    assert.match(discharged, /^[A-Z][a-z]+ \d{1,2}, \d{4}$/)
    assert.match(followUp, /^\d{4}-\d\d-\d\d$/)
    const days = (value: string) => Date.parse(value) / 86_400_000
    assert.equal(days(discharged) - days(admitted.replace(/(\d\d)\/(\d\d)\/(\d{4})/, '$3-$1-$2')), 3)
    assert.equal(days(followUp) - days(admitted.replace(/(\d\d)\/(\d\d)\/(\d{4})/, '$3-$1-$2')), 17)

    const later = 'Seen again 04/01/2024.'
    const next = deidentify(later, spansOf(later, [['04/01/2024', 'DATE']]), { operator: 'surrogate', scope })
    const shifted = next.replacements[0].replacement.replace(/(\d\d)\/(\d\d)\/(\d{4})/, '$3-$1-$2')
    assert.equal(days(shifted) - days(admitted.replace(/(\d\d)\/(\d\d)\/(\d{4})/, '$3-$1-$2')), 31, 'the next document of the scope shifts alike')
  })

  test('a date it cannot read gets a [DATE_n] token instead of leaking', ({ assert }) => {
    const text = 'symptoms since January, worse by Lent'
    const result = deidentify(text, spansOf(text, [['January', 'DATE'], ['Lent', 'DATE']]), { operator: 'surrogate' })
    assert.equal(result.text, 'symptoms since [DATE_1], worse by [DATE_2]')
  })
})
