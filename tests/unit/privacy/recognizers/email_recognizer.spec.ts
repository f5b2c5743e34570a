import { test } from '@japa/runner'
import { EmailRecognizer } from '#privacy/recognizers/email_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new EmailRecognizer()
const emails = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('EmailRecognizer', () => {
  test('finds addresses with any top-level domain, without trailing punctuation', ({ assert }) => {
    assert.deepEqual(emails('Email tkbarnes82@quillmail.example. Or Jane.O-Doe+clinic@mail.health-system.org, please'), [
      'tkbarnes82@quillmail.example',
      'Jane.O-Doe+clinic@mail.health-system.org',
    ])
  })

  test('ignores a bare @handle and addresses without a domain', ({ assert }) => {
    assert.deepEqual(emails('ping @nurse or user@localhost, 2 @ 5 mg'), [])
  })
})
