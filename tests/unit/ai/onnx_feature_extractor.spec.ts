import { test } from '@japa/runner'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OnnxFeatureExtractor } from '#ai/runtimes/onnx_feature_extractor'
import { writeTinyFeatureExtractionModel, writeTinyTokenClassificationModel, writeTruncatedCopy } from '#tests/helpers/onnx_model_fixtures'

function norm(vector: number[]) {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
}

test.group('OnnxFeatureExtractor', (group) => {
  let root: string
  let modelDir: string
  let extractor: OnnxFeatureExtractor

  group.setup(async () => {
    root = await mkdtemp(join(tmpdir(), 'clinibox-onnx-embed-'))
    modelDir = join(root, 'tiny-embedder')
    await writeTinyFeatureExtractionModel(modelDir, { dimension: 16 })
    extractor = await OnnxFeatureExtractor.load(modelDir, { maxThreads: 1 })
    return async () => {
      await extractor.dispose()
      await rm(root, { recursive: true, force: true })
    }
  })

  test('reports the dimension of the model output', ({ assert }) => {
    assert.equal(extractor.dimension, 16)
  })

  test('returns one unit-length vector of that dimension per text', async ({ assert }) => {
    const vectors = await extractor.embed(['chest pain', 'Patient John Smith was seen on March 3rd.', '😀 José'])
    assert.lengthOf(vectors, 3)
    for (const vector of vectors) {
      assert.lengthOf(vector, 16)
      assert.closeTo(norm(vector), 1, 1e-6)
    }
  })

  test('gives the same text the same vector, and different texts different vectors', async ({ assert }) => {
    const [first, again, other] = await extractor.embed(['chest pain', 'chest pain', 'born in march'])
    assert.deepEqual(first, again)
    assert.notDeepEqual(first, other)
  })

  test('embeds a batch larger than one model run like each text alone', async ({ assert }) => {
    const texts = Array.from({ length: 20 }, (_, i) => `note ${i} ${'pain '.repeat(i % 5)}`)
    const batch = await extractor.embed(texts)
    assert.lengthOf(batch, 20)
    for (const [i, text] of texts.entries()) {
      const [alone] = await extractor.embed([text])
      alone.forEach((value, d) => assert.closeTo(batch[i][d], value, 1e-5))
    }
  })

  test('truncates a text longer than the model limit instead of failing', async ({ assert }) => {
    const long = 'john smith was seen '.repeat(50)
    const [vector] = await extractor.embed([long])
    assert.closeTo(norm(vector), 1, 1e-6)
    const [prefix] = await extractor.embed([long.split(' ').slice(0, extractor.maxTokens - 2).join(' ')])
    vector.forEach((value, d) => assert.closeTo(prefix[d], value, 1e-5))
  })

  test('returns no vectors for no texts', async ({ assert }) => {
    assert.deepEqual(await extractor.embed([]), [])
  })

  test('refuses a truncated model.onnx with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const broken = join(root, 'truncated')
    await cp(modelDir, broken, { recursive: true })
    await writeTruncatedCopy(join(modelDir, 'onnx', 'model.onnx'), join(broken, 'onnx', 'model.onnx'), 0.3)
    const error = await OnnxFeatureExtractor.load(broken, { maxThreads: 1 }).then(
      () => undefined,
      (reason: Error & { code?: string; status?: number }) => reason
    )
    assert.equal(error?.code, 'AI_MODEL_LOAD_FAILED')
    assert.equal(error?.status, 422)
  })

  test('refuses a token-classification model with AI_MODEL_LOAD_FAILED', async ({ assert }) => {
    const wrongTask = join(root, 'ner')
    await writeTinyTokenClassificationModel(wrongTask)
    const error = await OnnxFeatureExtractor.load(wrongTask, { maxThreads: 1 }).then(
      () => undefined,
      (reason: Error & { code?: string }) => reason
    )
    assert.equal(error?.code, 'AI_MODEL_LOAD_FAILED')
    assert.include(error?.message, 'last_hidden_state')
  })
})
