import { test } from '@japa/runner'
import { checkText } from '#privacy/services/check_text'

test.group('checkText', () => {
  test('accepts ordinary text', ({ assert }) => {
    assert.doesNotThrow(() => checkText('Patient seen today.', 100))
  })

  test('refuses empty or blank text with 422 PHI_TEXT_EMPTY', ({ assert }) => {
    for (const text of ['', ' \n\t ']) {
      assert.throws(() => checkText(text, 100), 'The text is empty.')
    }
  })

  test('refuses text over the maximum with 413 PHI_TEXT_TOO_LARGE', ({ assert }) => {
    try {
      checkText('x'.repeat(101), 100)
      assert.fail('expected a refusal')
    } catch (error: any) {
      assert.equal(error.code, 'PHI_TEXT_TOO_LARGE')
      assert.equal(error.status, 413)
    }
  })

  test('refuses text holding U+FFFD with 422 PHI_TEXT_NOT_UTF8', ({ assert }) => {
    try {
      checkText('Pat\uFFFDent', 100)
      assert.fail('expected a refusal')
    } catch (error: any) {
      assert.equal(error.code, 'PHI_TEXT_NOT_UTF8')
    }
  })
})
