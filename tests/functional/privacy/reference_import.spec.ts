import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR } from '#audit/index'
import { AppError } from '#kernel/index'
import ReferenceImport from '#privacy/commands/reference_import'
import { importReferencePack } from '#privacy/reference/import_reference_pack'
import { invalidateDictionaries, loadDictionaries } from '#privacy/reference/load_dictionaries'
import { SHARED_DATA_DIR, writeFixturePack } from '#tests/helpers/reference_pack'

const BY = { actor: SYSTEM_ACTOR }
const LIST_TABLES = ['reference_names', 'reference_places', 'reference_organizations', 'reference_common_words']

async function countOf(table: string, where: Record<string, unknown> = {}) {
  const row = await db.from(table).where(where).count('* as total').first()
  return Number(row.total)
}

async function importEvents() {
  return db.from('audit_events').where('action', 'reference.pack.imported').orderBy('id', 'asc')
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

async function resetPacks() {
  await db.from('reference_packs').delete()
  invalidateDictionaries()
}

test.group('importReferencePack', (group) => {
  let fixture: Awaited<ReturnType<typeof writeFixturePack>>
  group.setup(async () => {
    fixture = await writeFixturePack()
    return () => fixture.cleanup()
  })
  group.each.setup(() => resetPacks())
  group.teardown(() => resetPacks())

  test('stores every list with the pack id and records the counts', async ({ assert }) => {
    const pack = await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '2025-11-01' }, BY)

    assert.deepEqual(pack.counts, { firstNames: 4, lastNames: 3, cities: 8, states: 56, organizations: 3, commonWords: pack.counts.commonWords })
    const row = await db.from('reference_packs').where('id', pack.id).first()
    assert.equal(row.name, 'test-pack')
    assert.equal(row.version, '2025-11-01')
    assert.equal(row.source_dir, fixture.dir)
    assert.deepEqual(row.counts, pack.counts)

    assert.equal(await countOf('reference_names', { pack_id: pack.id, kind: 'first' }), 4)
    assert.equal(await countOf('reference_names', { pack_id: pack.id, kind: 'last' }), 3)
    /* springfield is in two states: one row each. */
    assert.equal(await countOf('reference_places', { pack_id: pack.id, kind: 'city' }), 9)
    assert.equal(await countOf('reference_places', { pack_id: pack.id, kind: 'state' }), 56)
    assert.equal(await countOf('reference_organizations', { pack_id: pack.id }), 3)
    assert.equal(await countOf('reference_common_words', { pack_id: pack.id }), pack.counts.commonWords)
    const james = await db.from('reference_names').where({ kind: 'first', name: 'james' }).first()
    assert.closeTo(Number(james.frequency), Math.log1p(94764) / Math.log1p(99693), 0.0001)
  })

  test('the version defaults to the date of the import and the pack name to us-reference', async ({ assert }) => {
    const pack = await importReferencePack({ dir: fixture.dir }, BY)
    assert.equal(pack.name, 'us-reference')
    assert.match(pack.version, /^\d{4}-\d{2}-\d{2}$/)
  })

  test('importing a pack of the same name again replaces it; other packs stay', async ({ assert }) => {
    const first = await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '1' }, BY)
    const other = await importReferencePack({ dir: fixture.dir, pack: 'other-pack', version: '1' }, BY)
    const second = await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '2' }, BY)

    assert.equal(second.replacedVersion, '1')
    assert.deepEqual((await db.from('reference_packs').orderBy('name')).map((row) => [row.name, row.version]), [
      ['other-pack', '1'],
      ['test-pack', '2'],
    ])
    for (const table of LIST_TABLES) assert.equal(await countOf(table, { pack_id: first.id }), 0, table)
    assert.equal(await countOf('reference_names', { pack_id: second.id }), 7)
    assert.equal(await countOf('reference_names', { pack_id: other.id }), 7)
  })

  test('each import is audited reference.pack.imported with the pack, version, counts and the version it replaced', async ({ assert }) => {
    const before = (await importEvents()).length
    await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '1' }, BY)
    const pack = await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '2' }, BY)

    const events = (await importEvents()).slice(before)
    assert.lengthOf(events, 2)
    const last = events[1]
    assert.equal(last.actor_type, 'system')
    assert.equal(last.outcome, 'success')
    assert.equal(last.resource_type, 'reference_pack')
    assert.equal(last.resource_id, String(pack.id))
    assert.deepEqual(last.metadata, { name: 'test-pack', version: '2', sourceDir: fixture.dir, counts: pack.counts, replacedVersion: '1' })
  })

  test('a folder that does not exist is REFERENCE_DIR_NOT_FOUND and nothing changes', async ({ assert }) => {
    await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '1' }, BY)
    const rowsBefore = await Promise.all(LIST_TABLES.map((table) => countOf(table)))
    const eventsBefore = (await importEvents()).length

    const error = await errorOf(importReferencePack({ dir: '/nonexistent/reference-data', pack: 'test-pack', version: '2' }, BY))
    assert.instanceOf(error, AppError)
    assert.equal(error.code, 'REFERENCE_DIR_NOT_FOUND')

    assert.deepEqual((await db.from('reference_packs')).map((row) => row.version), ['1'])
    assert.deepEqual(await Promise.all(LIST_TABLES.map((table) => countOf(table))), rowsBefore)
    assert.lengthOf(await importEvents(), eventsBefore)
  })

  test('a malformed file is REFERENCE_FILE_INVALID and the pack already imported stays as it was', async ({ assert }) => {
    await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '1' }, BY)
    const broken = await writeFixturePack({ 'hospitals/Hospital_General_Information.csv.gz': 'Facility ID,Name\n1,X' })
    try {
      const error = await errorOf(importReferencePack({ dir: broken.dir, pack: 'test-pack', version: '2' }, BY))
      assert.equal(error.code, 'REFERENCE_FILE_INVALID')
      assert.include(error.message, 'hospitals/Hospital_General_Information.csv.gz')
    } finally {
      await broken.cleanup()
    }
    assert.deepEqual((await db.from('reference_packs')).map((row) => row.version), ['1'])
    assert.equal(await countOf('reference_organizations'), 3)
  })

  test('a pack name or version with other characters is refused before reading anything', async ({ assert }) => {
    assert.equal((await errorOf(importReferencePack({ dir: fixture.dir, pack: 'us reference' }, BY))).code, 'REFERENCE_INVALID_PACK_NAME')
    assert.equal((await errorOf(importReferencePack({ dir: fixture.dir, version: '1; drop' }, BY))).code, 'REFERENCE_INVALID_VERSION')
    assert.equal(await countOf('reference_packs'), 0)
  })
})

test.group('loadDictionaries', (group) => {
  let fixture: Awaited<ReturnType<typeof writeFixturePack>>
  group.setup(async () => {
    fixture = await writeFixturePack()
    return () => fixture.cleanup()
  })
  group.each.setup(() => resetPacks())
  group.teardown(() => resetPacks())

  test('without an imported pack, the built-in lists', async ({ assert }) => {
    const dictionaries = await loadDictionaries()
    assert.deepEqual(dictionaries.source, { pack: 'built-in', version: '1' })
    assert.isTrue(dictionaries.firstNames.has('james'))
  })

  test('returns the imported pack exactly as it was read', async ({ assert }) => {
    await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '3' }, BY)
    const dictionaries = await loadDictionaries()

    const { readReferencePack } = await import('#privacy/reference/read_reference_pack')
    const { counts, cityStates, ...read } = await readReferencePack(fixture.dir, { pack: 'test-pack', version: '3' })
    assert.deepEqual(dictionaries, read)
  })

  test('keeps the dictionaries in memory until an import invalidates them', async ({ assert }) => {
    const before = await loadDictionaries()
    assert.strictEqual(await loadDictionaries(), before)

    await importReferencePack({ dir: fixture.dir, pack: 'test-pack', version: '4' }, BY)
    const after = await loadDictionaries()
    assert.deepEqual(after.source, { pack: 'test-pack', version: '4' })
    assert.strictEqual(await loadDictionaries(), after)
  })

  test('the most recently imported pack wins', async ({ assert }) => {
    await importReferencePack({ dir: fixture.dir, pack: 'older', version: '1' }, BY)
    await importReferencePack({ dir: fixture.dir, pack: 'newer', version: '1' }, BY)
    assert.equal((await loadDictionaries()).source.pack, 'newer')
  })
})

test.group('node ace reference:import', (group) => {
  let fixture: Awaited<ReturnType<typeof writeFixturePack>>
  group.setup(async () => {
    ace.ui.switchMode('raw')
    fixture = await writeFixturePack()
    return async () => {
      ace.ui.switchMode('normal')
      await fixture.cleanup()
    }
  })
  group.each.setup(() => resetPacks())
  group.teardown(() => resetPacks())

  async function run(args: string[]) {
    const command = await ace.create(ReferenceImport, args)
    await command.exec()
    return command
  }

  test('imports the folder and prints the counts', async ({ assert }) => {
    const command = await run([fixture.dir, '--pack', 'test-pack', '--version', '9'])
    assert.equal(command.exitCode, 0)
    command.assertLogMatches(/Imported test-pack 9 from .* in \d+\.\d s/)
    command.assertLogMatches(/firstNames: 4/)
    command.assertLogMatches(/states: 56/)
    assert.equal(await countOf('reference_packs'), 1)
  })

  test('a bad folder: exit 1, the error code, nothing changed', async ({ assert }) => {
    const command = await run(['/nonexistent/reference-data'])
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/REFERENCE_DIR_NOT_FOUND: \/nonexistent\/reference-data is not a folder/, 'stderr')
    command.assertLogMatches(/Nothing was changed/, 'stderr')
    assert.equal(await countOf('reference_packs'), 0)
  })
})

test.group('importing shared/data', (group) => {
  group.each.setup(() => resetPacks())
  group.teardown(() => resetPacks())

  test('imports the full reference data and loads it back', async ({ assert }) => {
    const pack = await importReferencePack({ dir: SHARED_DATA_DIR, pack: 'us-reference', version: 'test' }, BY)
    const dictionaries = await loadDictionaries()

    assert.equal(dictionaries.firstNames.size, pack.counts.firstNames)
    assert.equal(dictionaries.lastNames.size, pack.counts.lastNames)
    assert.equal(dictionaries.cities.size, pack.counts.cities)
    assert.equal(dictionaries.organizations.size, pack.counts.organizations)
    assert.equal(dictionaries.commonWords.size, pack.counts.commonWords)
    assert.isTrue(dictionaries.cities.has('springfield'))
  })
    .skip(!existsSync(SHARED_DATA_DIR), `${SHARED_DATA_DIR} does not exist (the shared reference data is beside the checkout only in development)`)
    .timeout(120_000)
})
