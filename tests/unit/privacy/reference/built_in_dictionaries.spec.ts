import { test } from '@japa/runner'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

test.group('builtInDictionaries', () => {
  test('says it is the built-in source', ({ assert }) => {
    assert.deepEqual(builtInDictionaries().source, { pack: 'built-in', version: '1' })
  })

  test('has a few hundred frequent first names and surnames, lowercase, with frequencies in (0, 1]', ({ assert }) => {
    const { firstNames, lastNames } = builtInDictionaries()
    assert.isAbove(firstNames.size, 190)
    assert.isAbove(lastNames.size, 190)
    for (const list of [firstNames, lastNames]) {
      for (const [name, frequency] of list) {
        assert.equal(name, name.toLowerCase())
        assert.isTrue(frequency > 0 && frequency <= 1, name)
      }
    }
    assert.isTrue(firstNames.has('james') && lastNames.has('smith'))
  })

  test('has the states by name and code, and about a hundred large cities', ({ assert }) => {
    const { states, cities } = builtInDictionaries()
    assert.equal(states.get('california'), 'CA')
    assert.equal(states.get('ca'), 'CA')
    assert.equal(states.get('district of columbia'), 'DC')
    assert.isAbove(cities.size, 100)
    assert.isTrue(cities.has('chicago') && cities.has('san antonio') && cities.has('salt lake city'))
  })

  test('common words include English words that are also names', ({ assert }) => {
    const { commonWords } = builtInDictionaries()
    for (const word of ['will', 'may', 'bill', 'mark', 'hope', 'grant', 'the', 'patient']) assert.isTrue(commonWords.has(word), word)
  })
})
