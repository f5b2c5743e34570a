import { test } from '@japa/runner'
import { ZipRecognizer } from '#privacy/recognizers/zip_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new ZipRecognizer()
const zips = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('ZipRecognizer', () => {
  test('finds ZIP and ZIP+4 after a state code or name', ({ assert }) => {
    assert.deepEqual(zips('Boone, NC 28607; Latrobe, PA 15650-1234; Bend, Oregon 97701; Raleigh, N.C. 27601'), ['28607', '15650-1234', '97701', '27601'])
  })

  test('finds a postal code after a ZIP label, in any national form', ({ assert }) => {
    assert.deepEqual(zips('ZIP: 49855; my zip code is 35350; postal code B0J 2H0'), ['49855', '35350', 'B0J 2H0'])
  })

  test('ignores five-digit numbers outside address context', ({ assert }) => {
    assert.deepEqual(zips('glucose 12345; claim 28607; HR 12345; lowercase in 28607'), [])
  })
})
