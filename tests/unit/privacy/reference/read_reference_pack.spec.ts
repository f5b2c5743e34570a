import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import { AppError } from '#kernel/index'
import { cityNames, readReferencePack } from '#privacy/reference/read_reference_pack'
import { SHARED_DATA_DIR, writeFixturePack } from '#tests/helpers/reference_pack'

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

test.group('readReferencePack on a fixture pack', (group) => {
  let pack: Awaited<ReturnType<typeof writeFixturePack>>
  group.setup(async () => {
    pack = await writeFixturePack()
    return () => pack.cleanup()
  })

  test('first names are lowercased, sexes merged keeping the larger count, frequencies log-scaled to the most common', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    assert.equal(contents.firstNames.get('linda'), 1)
    assert.closeTo(contents.firstNames.get('james')!, Math.log1p(94764) / Math.log1p(99693), 0.0001)
    assert.isBelow(contents.firstNames.get('zzyzx')!, 0.2)
    assert.isBelow(contents.firstNames.get('will')!, contents.firstNames.get('james')!)
    assert.equal(contents.counts.firstNames, 4)
  })

  test('surnames come from the Census list, lowercased, the most frequent at 1', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    assert.deepEqual([...contents.lastNames.keys()], ['smith', 'johnson', 'joyce'])
    assert.equal(contents.lastNames.get('smith'), 1)
    assert.isBelow(contents.lastNames.get('joyce')!, contents.lastNames.get('johnson')!)
  })

  test('cities lose the gazetteer area word and keep every state they are in', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    assert.includeMembers([...contents.cities], ['abbeville', 'boone', 'springfield', 'milford', 'anchorage', 'st. louis', 'saint louis', 'st louis'])
    assert.notInclude([...contents.cities], 'boone town')
    assert.deepEqual([...contents.cityStates.get('springfield')!].sort(), ['IL', 'MO'])
    assert.equal(contents.counts.cities, contents.cities.size)
  })

  test('states map names and two-letter codes to the code: 50 states, DC and the territories', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    assert.equal(contents.states.get('north carolina'), 'NC')
    assert.equal(contents.states.get('nc'), 'NC')
    assert.equal(contents.states.get('district of columbia'), 'DC')
    assert.equal(contents.states.get('puerto rico'), 'PR')
    assert.equal(contents.counts.states, 56)
  })

  test('organizations are the hospital names, lowercased, also without a legal suffix', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    assert.isTrue(contents.organizations.has('southeast health medical center'))
    assert.isTrue(contents.organizations.has('usa health hca providence hospital, llc'))
    assert.isTrue(contents.organizations.has('usa health hca providence hospital'))
  })

  test('common words: the built-in English words and the lowercase words of ICD-10 descriptions, not eponyms or frequent first names', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir)
    for (const word of ['will', 'may', 'bill', 'mark', 'hope', 'grant', 'disease', 'dyskinesia', 'fluctuations', 'arthropathy', 'knee']) {
      assert.isTrue(contents.commonWords.has(word), word)
    }
    for (const word of ['parkinson', 'wilson', 'zzicdnine']) assert.isFalse(contents.commonWords.has(word), word)
  })

  test('the source names the pack and version given', async ({ assert }) => {
    const contents = await readReferencePack(pack.dir, { pack: 'test-pack', version: '7' })
    assert.deepEqual(contents.source, { pack: 'test-pack', version: '7' })
  })
})

test.group('readReferencePack refuses a bad folder', () => {
  test('a folder that does not exist is REFERENCE_DIR_NOT_FOUND', async ({ assert }) => {
    const error = await errorOf(readReferencePack('/nonexistent/reference-data'))
    assert.instanceOf(error, AppError)
    assert.equal(error.code, 'REFERENCE_DIR_NOT_FOUND')
  })

  test('a missing file is REFERENCE_FILE_INVALID naming the folder', async ({ assert }) => {
    const pack = await writeFixturePack({ 'hospitals/Hospital_General_Information.csv.gz': null })
    try {
      const error = await errorOf(readReferencePack(pack.dir))
      assert.equal(error.code, 'REFERENCE_FILE_INVALID')
      assert.match(error.message, /^hospitals\//)
    } finally {
      await pack.cleanup()
    }
  })

  test('a file without the expected columns is REFERENCE_FILE_INVALID', async ({ assert }) => {
    const pack = await writeFixturePack({ 'names/census2010_surnames_top1022.csv': 'name,rank\nSMITH,1' })
    try {
      const error = await errorOf(readReferencePack(pack.dir))
      assert.equal(error.code, 'REFERENCE_FILE_INVALID')
      assert.include(error.message, 'names/census2010_surnames_top1022.csv: the header has no count column')
    } finally {
      await pack.cleanup()
    }
  })

  test('a malformed line is REFERENCE_FILE_INVALID with its line number', async ({ assert }) => {
    const pack = await writeFixturePack({ 'names/ssa_maxoccurbysex_1880-2020.txt.gz': 'Linda,F,99693,1947\nJames,M,lots,1947' })
    try {
      const error = await errorOf(readReferencePack(pack.dir))
      assert.equal(error.code, 'REFERENCE_FILE_INVALID')
      assert.include(error.message, 'line 2 has no valid count')
    } finally {
      await pack.cleanup()
    }
  })

  test('a damaged gzip file is REFERENCE_FILE_INVALID', async ({ assert }) => {
    const pack = await writeFixturePack({ 'places/2025_Gaz_place_national.txt.gz': Buffer.from('not gzip at all') })
    try {
      const error = await errorOf(readReferencePack(pack.dir))
      assert.equal(error.code, 'REFERENCE_FILE_INVALID')
      assert.include(error.message, 'places/2025_Gaz_place_national.txt.gz: cannot be read')
    } finally {
      await pack.cleanup()
    }
  })
})

test.group('cityNames', () => {
  test('strips the legal or statistical area words the gazetteer appends', ({ assert }) => {
    assert.deepEqual(cityNames('Boone town'), ['boone'])
    assert.deepEqual(cityNames('Abanda CDP'), ['abanda'])
    assert.deepEqual(cityNames('Juneau city and borough'), ['juneau'])
    assert.deepEqual(cityNames('Nashville-Davidson metropolitan government (balance)'), ['nashville-davidson'])
    assert.deepEqual(cityNames('Adjuntas zona urbana'), ['adjuntas'])
    assert.deepEqual(cityNames('Mt. Vernon city'), ['mt. vernon', 'mount vernon', 'mt vernon'])
  })

  test('keeps a name that is only an area word as it is', ({ assert }) => {
    assert.deepEqual(cityNames('Village'), ['village'])
  })
})

test.group('readReferencePack on shared/data', () => {
  test('reads the full reference data: about 100k first names, 1,022 surnames, 20k+ cities, 5k+ hospitals', async ({ assert }) => {
    const contents = await readReferencePack(SHARED_DATA_DIR)
    assert.isAbove(contents.counts.firstNames, 90_000)
    assert.equal(contents.counts.lastNames, 1022)
    assert.isAbove(contents.counts.cities, 20_000)
    assert.isAbove(contents.counts.organizations, 5_000)
    assert.isAbove(contents.counts.commonWords, 3_000)
    assert.isAbove(contents.firstNames.get('james')!, 0.99)
    assert.isBelow(contents.firstNames.get('zzyzx')!, 0.2)
    assert.isTrue(contents.cities.has('springfield'))
    assert.isTrue(contents.commonWords.has('will'))
  })
    .skip(!existsSync(SHARED_DATA_DIR), `${SHARED_DATA_DIR} does not exist (the shared reference data is beside the checkout only in development)`)
    .timeout(60_000)
})
