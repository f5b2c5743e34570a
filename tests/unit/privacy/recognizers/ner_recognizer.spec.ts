import { test } from '@japa/runner'
import { AppError } from '#kernel/index'
import type { AiService } from '#ai/index'
import { NerRecognizer, phiTypeForLabel } from '#privacy/recognizers/ner_recognizer'

/** An ai service that answers classifyTokens with fixed spans, or fails with `error`. */
function fakeAi(spans: { start: number; end: number; label: string; score: number }[], error?: Error): AiService {
  return {
    classifyTokens: async () => {
      if (error) throw error
      return { spans, engine: { type: 'model', name: 'deid-bert', version: '3' } }
    },
  } as unknown as AiService
}

test.group('NerRecognizer', () => {
  test('maps model labels to PHI types, with or without B-/I- prefixes', ({ assert }) => {
    assert.equal(phiTypeForLabel('B-PER'), 'NAME')
    assert.equal(phiTypeForLabel('PERSON'), 'NAME')
    assert.equal(phiTypeForLabel('I-NAME'), 'NAME')
    assert.equal(phiTypeForLabel('ORG'), 'ORGANIZATION')
    assert.equal(phiTypeForLabel('GPE'), 'CITY')
    assert.equal(phiTypeForLabel('LOC'), 'CITY')
    assert.equal(phiTypeForLabel('date'), 'DATE')
    assert.isUndefined(phiTypeForLabel('MISC'))
    assert.isUndefined(phiTypeForLabel('O'))
  })

  test('turns model spans into PHI spans named after the model, dropping unknown labels', async ({ assert }) => {
    const text = 'Seen by John Smith at Mercy Hospital. MISC thing.'
    const recognizer = new NerRecognizer(
      fakeAi([
        { start: 8, end: 18, label: 'PER', score: 0.97 },
        { start: 22, end: 36, label: 'ORG', score: 0.88 },
        { start: 38, end: 42, label: 'MISC', score: 0.9 },
      ])
    )
    assert.deepEqual(await recognizer.recognize(text), [
      { start: 8, end: 18, type: 'NAME', text: 'John Smith', score: 0.97, source: 'ner:deid-bert' },
      { start: 22, end: 36, type: 'ORGANIZATION', text: 'Mercy Hospital', score: 0.88, source: 'ner:deid-bert' },
    ])
  })

  test('finds nothing when no model is assigned to phi-ner', async ({ assert }) => {
    const noModel = AppError.unavailable('AI_NO_MODEL', 'No working model is assigned to the phi-ner task.', { task: 'phi-ner' })
    assert.deepEqual(await new NerRecognizer(fakeAi([], noModel)).recognize('Seen by John Smith.'), [])
  })

  test('passes other errors on', async ({ assert }) => {
    const down = new AppError('AI_INFERENCE_UNAVAILABLE', 'The inference service is not reachable.', 503)
    await assert.rejects(() => new NerRecognizer(fakeAi([], down)).recognize('Seen by John Smith.'), /not reachable/)
  })
})
