import { test } from '@japa/runner'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OnnxTokenClassifier, type TokenSpan } from '#ai/runtimes/onnx_token_classifier'
import { writeTinyFeatureExtractionModel, writeTinyTokenClassificationModel, writeTruncatedCopy } from '#tests/helpers/onnx_model_fixtures'

const PHRASE = 'Patient John Smith was seen on March 3rd by Dr. Mary Jones.'

function spanTexts(text: string, spans: TokenSpan[]) {
  return spans.map((span) => [span.label, text.slice(span.start, span.end)])
}

/** Offsets inside the text, sorted, non-overlapping, with no whitespace at either edge. */
function assertWellFormed(assert: any, text: string, spans: TokenSpan[]) {
  let previousEnd = 0
  for (const span of spans) {
    assert.isAtLeast(span.start, previousEnd)
    assert.isAbove(span.end, span.start)
    assert.isAtMost(span.end, text.length)
    assert.notMatch(text.slice(span.start, span.end), /^\s|\s$/)
    assert.isAbove(span.score, 0)
    assert.isAtMost(span.score, 1)
    previousEnd = span.end
  }
}

async function loadError(modelDir: string) {
  try {
    const classifier = await OnnxTokenClassifier.load(modelDir, { maxThreads: 1 })
    await classifier.dispose()
  } catch (error) {
    return error as Error & { code?: string; status?: number }
  }
  throw new Error('the model loaded')
}

test.group('OnnxTokenClassifier', (group) => {
  let root: string
  let modelDir: string
  let classifier: OnnxTokenClassifier

  group.setup(async () => {
    root = await mkdtemp(join(tmpdir(), 'clinibox-onnx-ner-'))
    modelDir = join(root, 'tiny-ner')
    await writeTinyTokenClassificationModel(modelDir, { maxPositionEmbeddings: 32 })
    classifier = await OnnxTokenClassifier.load(modelDir, { maxThreads: 1 })
    return async () => {
      await classifier.dispose()
      await rm(root, { recursive: true, force: true })
    }
  })

  test('reads the token limit the model declares', ({ assert }) => {
    assert.equal(classifier.maxTokens, 32)
  })

  test('finds entity spans whose offsets cut exactly the entity text', async ({ assert }) => {
    const spans = await classifier.classify(PHRASE)
    assert.deepEqual(spanTexts(PHRASE, spans), [
      ['NAME', 'John Smith'],
      ['DATE', 'March'],
      ['NAME', 'Mary Jones'],
    ])
    assertWellFormed(assert, PHRASE, spans)
  })

  test('keeps exact offsets around emoji, accents, CRLF, tabs and runs of spaces', async ({ assert }) => {
    const text = '😀 José\r\n\tJOHN    smith 😀, seen\t\ton  MARCH\r\n\r\n👩‍⚕️ Dr. Mary   Jones   '
    const spans = await classifier.classify(text)
    assert.deepEqual(spanTexts(text, spans), [
      ['NAME', 'JOHN    smith'],
      ['DATE', 'MARCH'],
      ['NAME', 'Mary   Jones'],
    ])
    assertWellFormed(assert, text, spans)
  })

  test('merges B- and I- tags into spans: B- starts a span, I- continues it, I- after O starts one', async ({ assert }) => {
    const text = 'john mary smith seen jones'
    assert.deepEqual(spanTexts(text, await classifier.classify(text)), [
      ['NAME', 'john'],
      ['NAME', 'mary smith'],
      ['NAME', 'jones'],
    ])
  })

  test('keeps WordPiece continuation tokens in the span of their word', async ({ assert }) => {
    const text = 'Johnny Smithers, 12th March'
    assert.deepEqual(spanTexts(text, await classifier.classify(text)), [
      ['NAME', 'Johnny Smithers'],
      ['DATE', 'March'],
    ])
  })

  test('returns no spans for an empty text or a text without entities', async ({ assert }) => {
    assert.deepEqual(await classifier.classify(''), [])
    assert.deepEqual(await classifier.classify(' \r\n\t '), [])
    assert.deepEqual(await classifier.classify('chest pain was seen.'), [])
  })

  test('classifies a text five times longer than the model limit, finding the same spans at the end as at the start', async ({ assert }) => {
    const separator = ' 😀 note\r\n\t'
    const text = Array.from({ length: 12 }, () => PHRASE).join(separator)
    const alone = await classifier.classify(PHRASE)
    const spans = await classifier.classify(text)
    assertWellFormed(assert, text, spans)

    const expected = Array.from({ length: 12 }, (_, occurrence) => {
      const shift = occurrence * (PHRASE.length + separator.length)
      return alone.map((span) => ({ start: span.start + shift, end: span.end + shift, label: span.label }))
    }).flat()
    assert.deepEqual(
      spans.map(({ start, end, label }) => ({ start, end, label })),
      expected
    )
    assert.isAbove(spans.at(-1)!.start, text.length - PHRASE.length)
  })

  test('refuses a truncated model.onnx with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const broken = join(root, 'truncated')
    await cp(modelDir, broken, { recursive: true })
    await writeTruncatedCopy(join(modelDir, 'onnx', 'model.onnx'), join(broken, 'onnx', 'model.onnx'))
    const error = await loadError(broken)
    assert.equal(error.code, 'AI_MODEL_LOAD_FAILED')
    assert.equal(error.status, 422)
    assert.include(error.message, 'model.onnx')
    assert.notInclude(error.message, '\n')
  })

  test('refuses a folder without model.onnx with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const broken = join(root, 'missing')
    await cp(modelDir, broken, { recursive: true })
    await rm(join(broken, 'onnx', 'model.onnx'))
    const error = await loadError(broken)
    assert.equal(error.code, 'AI_MODEL_LOAD_FAILED')
    assert.include(error.message, 'model.onnx is missing')
  })

  test('refuses a broken tokenizer.json with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const broken = join(root, 'bad-tokenizer')
    await cp(modelDir, broken, { recursive: true })
    await writeTruncatedCopy(join(modelDir, 'tokenizer.json'), join(broken, 'tokenizer.json'))
    const error = await loadError(broken)
    assert.equal(error.code, 'AI_MODEL_LOAD_FAILED')
    assert.include(error.message, 'tokenizer.json')
  })

  test('refuses a tokenizer.json that is JSON but not a tokenizer with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const broken = join(root, 'not-a-tokenizer')
    await cp(modelDir, broken, { recursive: true })
    await writeFile(join(broken, 'tokenizer.json'), JSON.stringify({ model: { type: 'Nonsense' } }))
    const error = await loadError(broken)
    assert.equal(error.code, 'AI_MODEL_LOAD_FAILED')
  })

  test('refuses a feature-extraction model with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const wrongTask = join(root, 'embedder')
    await writeTinyFeatureExtractionModel(wrongTask)
    const error = await loadError(wrongTask)
    assert.equal(error.code, 'AI_MODEL_LOAD_FAILED')
  })
})
