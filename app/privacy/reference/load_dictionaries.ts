import db from '@adonisjs/lucid/services/db'
import type { Dictionaries } from '#privacy/reference/dictionaries'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

let cached: Promise<Dictionaries> | undefined

/**
 * The dictionaries of the most recently imported reference pack, read once
 * per process and kept in memory; the built-in lists when no pack exists.
 */
export function loadDictionaries(): Promise<Dictionaries> {
  if (cached) return cached
  const loading = readNewestPack()
  cached = loading
  loading.catch(() => {
    if (cached === loading) cached = undefined
  })
  return loading
}

/** Forgets the cached dictionaries, so the next loadDictionaries() reads the database again (after an import). */
export function invalidateDictionaries() {
  cached = undefined
}

async function readNewestPack(): Promise<Dictionaries> {
  const pack = await db.from('reference_packs').select('id', 'name', 'version').orderBy('imported_at', 'desc').orderBy('id', 'desc').first()
  if (!pack) return builtInDictionaries()

  const dictionaries: Dictionaries = {
    source: { pack: pack.name, version: pack.version },
    firstNames: new Map(),
    lastNames: new Map(),
    cities: new Set(),
    states: new Map(),
    organizations: new Set(),
    commonWords: new Set(),
  }
  const names = await db.rawQuery('select kind, name, frequency from reference_names where pack_id = ?', [pack.id])
  for (const row of names.rows) {
    const list = row.kind === 'first' ? dictionaries.firstNames : dictionaries.lastNames
    list.set(row.name, Number(row.frequency))
  }
  const places = await db.rawQuery('select kind, name, state_code from reference_places where pack_id = ?', [pack.id])
  for (const row of places.rows) {
    if (row.kind === 'city') {
      dictionaries.cities.add(row.name)
    } else {
      dictionaries.states.set(row.name, row.state_code)
      dictionaries.states.set(row.state_code.toLowerCase(), row.state_code)
    }
  }
  const organizations = await db.rawQuery('select name from reference_organizations where pack_id = ?', [pack.id])
  for (const row of organizations.rows) dictionaries.organizations.add(row.name)
  const words = await db.rawQuery('select word from reference_common_words where pack_id = ?', [pack.id])
  for (const row of words.rows) dictionaries.commonWords.add(row.word)
  return dictionaries
}
