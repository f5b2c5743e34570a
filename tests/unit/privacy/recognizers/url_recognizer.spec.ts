import { test } from '@japa/runner'
import { UrlRecognizer } from '#privacy/recognizers/url_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new UrlRecognizer()
const urls = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('UrlRecognizer', () => {
  test('finds http(s) and www addresses, leaving out sentence punctuation and an unbalanced bracket', ({ assert }) => {
    assert.deepEqual(urls('via https://meet.example/v/BO-0807-1130. See (www.clinic.com/forms).'), ['https://meet.example/v/BO-0807-1130', 'www.clinic.com/forms'])
  })

  test('finds bare domains with a path or a common top-level domain', ({ assert }) => {
    assert.deepEqual(urls('log in at mychart.example/abc or portal.healthsystem.org today'), ['mychart.example/abc', 'portal.healthsystem.org'])
  })

  test('ignores abbreviations, units, file names and e-mail domains', ({ assert }) => {
    assert.deepEqual(urls('e.g. i.e. b.i.d. mg/dL 1.5/day notes.txt a@clinic.com'), [])
  })
})
