import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '#kernel/index'
import type { Dictionaries } from '#privacy/reference/dictionaries'
import { COMMON_ENGLISH_WORDS } from '#privacy/reference/common_english_words'
import { readLines, splitCsvLine } from '#privacy/reference/read_lines'
import { US_STATES, statesMap } from '#privacy/reference/us_states'

export interface ReferenceCounts {
  firstNames: number
  lastNames: number
  cities: number
  states: number
  organizations: number
  commonWords: number
}

export interface ReferencePackContents extends Dictionaries {
  counts: ReferenceCounts
  /** Every city name with the two-letter codes of the states that have a place of that name. */
  cityStates: Map<string, Set<string>>
}

/*
| The files of a pack, inside the reference `data` folder (see
| shared/data/README.md). Patterns rather than exact names, so a newer
| gazetteer year or the full surname list can be dropped in; the last
| match in name order wins. Each may be gzipped.
*/
const PACK_FILES = {
  firstNames: { folder: 'names', pattern: /^ssa_maxoccurbysex.*\.txt(\.gz)?$/ },
  lastNames: { folder: 'names', pattern: /^census2010_surnames.*\.csv(\.gz)?$/ },
  places: { folder: 'places', pattern: /^\d{4}_Gaz_place_national\.txt(\.gz)?$/ },
  hospitals: { folder: 'hospitals', pattern: /^Hospital_General_Information\.csv(\.gz)?$/ },
  icd10cm: { folder: 'icd10cm', pattern: /^phecoder_icd_info_.*\.csv(\.gz)?$/ },
} as const

/* Legal/statistical area words the gazetteer appends to place names ("Boone town"), longest first. */
const PLACE_SUFFIXES = [
  'consolidated government', 'metropolitan government', 'unified government', 'city and borough', 'urban county',
  'zona urbana', 'comunidad', 'municipality', 'corporation', 'borough', 'village', 'city', 'town', 'CDP',
]

/* Abbreviated first words of place names and their spelled-out forms, both of which notes use. */
const PLACE_ABBREVIATIONS: Record<string, string> = { 'st.': 'saint', 'ft.': 'fort', 'mt.': 'mount' }

const ORGANIZATION_LEGAL_SUFFIX = /,?\s+(llc|inc|inc\.|l\.l\.c\.|lp|llp|pc|corp|corporation)$/

/**
 * Reads a reference-data folder (the layout of shared/data) into the
 * in-memory dictionaries. Throws REFERENCE_DIR_NOT_FOUND when `dir` is not a
 * folder and REFERENCE_FILE_INVALID when a file is missing or malformed.
 */
export async function readReferencePack(
  dir: string,
  source: Dictionaries['source'] = { pack: 'us-reference', version: 'unversioned' }
): Promise<ReferencePackContents> {
  const isFolder = await stat(dir).then((info) => info.isDirectory(), () => false)
  if (!isFolder) throw AppError.notFound('REFERENCE_DIR_NOT_FOUND', `${dir} is not a folder.`)

  const files = {
    firstNames: await findPackFile(dir, PACK_FILES.firstNames),
    lastNames: await findPackFile(dir, PACK_FILES.lastNames),
    places: await findPackFile(dir, PACK_FILES.places),
    hospitals: await findPackFile(dir, PACK_FILES.hospitals),
    icd10cm: await findPackFile(dir, PACK_FILES.icd10cm),
  }
  const firstNames = await readFirstNames(files.firstNames)
  const lastNames = await readLastNames(files.lastNames)
  const cityStates = await readCities(files.places)
  const organizations = await readOrganizations(files.hospitals)
  const commonWords = await readCommonWords(files.icd10cm, firstNames)
  const states = statesMap()

  return {
    source,
    firstNames,
    lastNames,
    cities: new Set(cityStates.keys()),
    cityStates,
    states,
    organizations,
    commonWords,
    counts: {
      firstNames: firstNames.size,
      lastNames: lastNames.size,
      cities: cityStates.size,
      states: US_STATES.length,
      organizations: organizations.size,
      commonWords: commonWords.size,
    },
  }
}

interface PackFile {
  path: string
  /** Relative to the pack folder, for messages. */
  name: string
}

async function findPackFile(dir: string, spec: { folder: string; pattern: RegExp }): Promise<PackFile> {
  const entries = await readdir(join(dir, spec.folder)).catch(() => [] as string[])
  const matches = entries.filter((entry) => spec.pattern.test(entry)).sort()
  const last = matches.at(-1)
  if (!last) {
    throw AppError.unprocessable('REFERENCE_FILE_INVALID', `${spec.folder}/ has no file matching ${spec.pattern.source}.`)
  }
  return { path: join(dir, spec.folder, last), name: `${spec.folder}/${last}` }
}

function invalid(file: PackFile, problem: string) {
  return AppError.unprocessable('REFERENCE_FILE_INVALID', `${file.name}: ${problem}`)
}

/* Runs `onLine` on every non-empty line with its 1-based number; an unreadable file (bad gzip...) is REFERENCE_FILE_INVALID. */
async function eachLine(file: PackFile, onLine: (line: string, lineNumber: number) => void) {
  let lineNumber = 0
  try {
    for await (const line of readLines(file.path)) {
      lineNumber++
      if (line.trim().length > 0) onLine(line, lineNumber)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw invalid(file, `cannot be read (${(error as Error).message}).`)
  }
  if (lineNumber === 0) throw invalid(file, 'is empty.')
}

function columnIndexes<Name extends string>(file: PackFile, header: string[], names: readonly Name[]) {
  const indexes = {} as Record<Name, number>
  for (const name of names) {
    const index = header.indexOf(name)
    if (index < 0) throw invalid(file, `the header has no ${name} column.`)
    indexes[name] = index
  }
  return indexes
}

function parseCount(file: PackFile, value: string | undefined, lineNumber: number) {
  const count = Number(value)
  if (value === undefined || value.trim() === '' || !Number.isFinite(count) || count < 0) {
    throw invalid(file, `line ${lineNumber} has no valid count.`)
  }
  return count
}

/*
| Frequencies are log-scaled against the most frequent entry: 1 for it,
| about 0.15 for a first name given to 5 babies in its best year. Rounded to
| 4 digits so that they read back from the `real` column unchanged.
*/
function logScaled(counts: Map<string, number>) {
  const max = Math.max(1, ...counts.values())
  const frequencies = new Map<string, number>()
  for (const [name, count] of counts) {
    frequencies.set(name, Math.round((Math.log1p(count) / Math.log1p(max)) * 10_000) / 10_000)
  }
  return frequencies
}

/* SSA max-occurrence file, no header: `name,sex,max_count_in_one_year,year`. Sexes merge, keeping the larger count. */
async function readFirstNames(file: PackFile) {
  const counts = new Map<string, number>()
  await eachLine(file, (line, lineNumber) => {
    const [name, , count] = line.split(',')
    if (!name || !/^[A-Za-z][A-Za-z'-]*$/.test(name)) throw invalid(file, `line ${lineNumber} has no valid name.`)
    const key = name.toLowerCase()
    counts.set(key, Math.max(counts.get(key) ?? 0, parseCount(file, count, lineNumber)))
  })
  return logScaled(counts)
}

/* Census surnames: `name,rank,count,...` with a header. */
async function readLastNames(file: PackFile) {
  const counts = new Map<string, number>()
  let columns: { name: number; count: number } | undefined
  await eachLine(file, (line, lineNumber) => {
    const fields = splitCsvLine(line)
    if (!columns) {
      columns = columnIndexes(file, fields.map((field) => field.trim().toLowerCase()), ['name', 'count'] as const)
      return
    }
    const name = fields[columns.name]?.trim().toLowerCase()
    if (!name) throw invalid(file, `line ${lineNumber} has no name.`)
    if (name === 'all other names') return
    counts.set(name, Math.max(counts.get(name) ?? 0, parseCount(file, fields[columns.count], lineNumber)))
  })
  if (counts.size === 0) throw invalid(file, 'has no surnames.')
  return logScaled(counts)
}

/* Census place gazetteer, `|`-separated with a header: USPS and NAME ("Springfield city"). */
async function readCities(file: PackFile) {
  const cityStates = new Map<string, Set<string>>()
  let columns: { USPS: number; NAME: number } | undefined
  await eachLine(file, (line, lineNumber) => {
    const fields = line.split('|')
    if (!columns) {
      columns = columnIndexes(file, fields.map((field) => field.trim()), ['USPS', 'NAME'] as const)
      return
    }
    const state = fields[columns.USPS]?.trim()
    const name = fields[columns.NAME]?.trim()
    if (!state || !name) throw invalid(file, `line ${lineNumber} has no USPS code or NAME.`)
    for (const city of cityNames(name)) {
      const states = cityStates.get(city) ?? new Set<string>()
      states.add(state)
      cityStates.set(city, states)
    }
  })
  if (cityStates.size === 0) throw invalid(file, 'has no places.')
  return cityStates
}

/** "St. Louis city" -> ["st. louis", "saint louis", "st louis"]; "Milford city (balance)" -> ["milford"]. */
export function cityNames(gazetteerName: string): string[] {
  let name = gazetteerName.replace(/\s*\(balance\)$/i, '').trim()
  for (const suffix of PLACE_SUFFIXES) {
    if (name.endsWith(` ${suffix}`)) {
      name = name.slice(0, -suffix.length - 1).trim()
      break
    }
  }
  name = name.toLowerCase().replace(/\s+/g, ' ')
  if (name.length === 0) return []
  const names = [name]
  const [first, ...rest] = name.split(' ')
  const spelledOut = PLACE_ABBREVIATIONS[first]
  if (spelledOut && rest.length > 0) names.push(`${spelledOut} ${rest.join(' ')}`, `${first.slice(0, -1)} ${rest.join(' ')}`)
  return names
}

/* CMS Hospital General Information: the Facility Name column, and the name without a legal suffix (", LLC"). */
async function readOrganizations(file: PackFile) {
  const organizations = new Set<string>()
  let column: number | undefined
  await eachLine(file, (line, lineNumber) => {
    const fields = splitCsvLine(line)
    if (column === undefined) {
      column = columnIndexes(file, fields.map((field) => field.trim()), ['Facility Name'] as const)['Facility Name']
      return
    }
    const name = fields[column]?.trim().toLowerCase().replace(/\s+/g, ' ')
    if (!name) throw invalid(file, `line ${lineNumber} has no Facility Name.`)
    organizations.add(name)
    const withoutSuffix = name.replace(ORGANIZATION_LEGAL_SUFFIX, '').trim()
    if (withoutSuffix.length > 0) organizations.add(withoutSuffix)
  })
  if (organizations.size === 0) throw invalid(file, 'has no facilities.')
  return organizations
}

/*
| The built-in English words plus the words of the ICD-10-CM descriptions.
| Only words the descriptions write in lower case are taken: capitalised
| ones are eponyms and organisms (Parkinson, Wilson, Salmonella), which
| stay possible names; the allow-list handles them in clinical phrases.
| Frequent first names among them (crystal, iris, vera) are left out too:
| capitalised, they are far more often a name than the clinical word.
*/
const FREQUENT_FIRST_NAME = 0.6

async function readCommonWords(file: PackFile, firstNames: Map<string, number>) {
  const words = new Set<string>(COMMON_ENGLISH_WORDS)
  let columns: { description: number; code_system: number } | undefined
  let descriptions = 0
  await eachLine(file, (line) => {
    const fields = splitCsvLine(line)
    if (!columns) {
      columns = columnIndexes(file, fields.map((field) => field.trim()), ['description', 'code_system'] as const)
      return
    }
    if (fields[columns.code_system]?.trim() !== 'ICD10') return
    descriptions++
    for (const token of (fields[columns.description] ?? '').split(/[^A-Za-z]+/)) {
      if (token.length < 2 || token !== token.toLowerCase()) continue
      if ((firstNames.get(token) ?? 0) >= FREQUENT_FIRST_NAME) continue
      words.add(token)
    }
  })
  if (descriptions === 0) throw invalid(file, 'has no ICD10 descriptions.')
  return words
}
