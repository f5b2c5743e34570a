import { test } from '@japa/runner'
import { HASHING_DIMENSION, HASHING_EMBEDDER_ID, hashingEmbed } from '#ai/embedders/hashing_embedder'

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0)
const norm = (vector: number[]) => Math.sqrt(cosine(vector, vector))

test.group('Hashing embedder', () => {
  test('makes L2-normalised vectors of a fixed dimension, labelled with its id', ({ assert }) => {
    const vector = hashingEmbed('Type 2 diabetes mellitus without complications')
    assert.lengthOf(vector, HASHING_DIMENSION)
    assert.closeTo(norm(vector), 1, 1e-9)
    assert.equal(HASHING_EMBEDDER_ID, 'hashing-v1-384')
  })

  test('is deterministic', ({ assert }) => {
    assert.deepEqual(hashingEmbed('acute myocardial infarction'), hashingEmbed('acute myocardial infarction'))
  })

  test('ranks shared words and misspellings above unrelated text', ({ assert }) => {
    const query = hashingEmbed('myocardial infarction')
    const related = cosine(query, hashingEmbed('acute myocardial infarction of the anterior wall'))
    const misspelt = cosine(query, hashingEmbed('myocardal infraction'))
    const unrelated = cosine(query, hashingEmbed('fracture of the left radius'))
    assert.isAbove(related, unrelated)
    assert.isAbove(misspelt, unrelated)
  })

  test('ignores case and punctuation, and gives empty text a zero vector', ({ assert }) => {
    assert.deepEqual(hashingEmbed('Chest PAIN!'), hashingEmbed('chest pain'))
    assert.deepEqual(hashingEmbed('  ...  '), new Array(HASHING_DIMENSION).fill(0))
  })
})
