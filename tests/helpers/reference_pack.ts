import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import app from '@adonisjs/core/services/app'

/** shared/data beside the checkout; absent when the repository is tested elsewhere (CI). */
export const SHARED_DATA_DIR = app.makePath('..', 'shared', 'data')

/*
| A few lines of each reference file, in the formats of shared/data
| (see its README), gzipped where the real ones are.
*/
export const FIXTURE_FILES: Record<string, string> = {
  'names/ssa_maxoccurbysex_1880-2020.txt.gz': ['Linda,F,99693,1947', 'James,M,94764,1947', 'James,F,5000,1940', 'Will,M,1200,1900', 'Zzyzx,M,5,2010'].join('\n'),
  'names/census2010_surnames_top1022.csv': [
    'name,rank,count,prop100k,cum_prop100k,pctwhite,pctblack,pctapi,pctaian,pct2prace,pcthispanic',
    'SMITH,1,2442977,828.19,828.19,70.9,23.11,0.5,0.89,2.19,2.4',
    'JOHNSON,2,1932812,655.24,1483.42,58.97,34.63,0.54,0.94,2.56,2.36',
    'JOYCE,1022,34132,11.57,41226.32,87.83,7.83,0.69,0.22,1.5,1.92',
  ].join('\n'),
  'places/2025_Gaz_place_national.txt.gz': [
    'USPS|GEOID|GEOIDFQ|ANSICODE|NAME|LSAD|FUNCSTAT|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG',
    'AL|0100124|1600000US0100124|02403054|Abbeville city|25|A|40255361|107642|15.543|0.042|31.565164|-85.259165',
    'NC|3706920|1600000US3706920|02403859|Boone town|43|A|15985066|36393|6.172|0.014|36.211533|-81.668353',
    'MO|2970000|1600000US2970000|00767557|Springfield city|25|A|214148427|1930548|82.683|0.745|37.193571|-93.291398',
    'IL|1772000|1600000US1772000|02395896|Springfield city|25|A|170890138|10424406|65.981|4.025|39.791013|-89.644501',
    'MO|2965000|1600000US2965000|00767578|St. Louis city|25|A|160343171|10570198|61.909|4.081|38.635699|-90.244582',
    'CT|0947515|1600000US0947515|02378276|Milford city (balance)|00|F|57513040|1998484|22.206|0.772|41.223997|-73.062566',
    'AK|0203000|1600000US0203000|02419025|Anchorage municipality|37|A|4415108963|426565239|1704.686|164.697|61.174250|-149.284329',
  ].join('\n'),
  'hospitals/Hospital_General_Information.csv.gz': [
    'Facility ID,Facility Name,Address,City/Town,State,ZIP Code,County/Parish,Telephone Number,Hospital Type',
    '10001,SOUTHEAST HEALTH MEDICAL CENTER,1108 ROSS CLARK CIRCLE,DOTHAN,AL,36301,HOUSTON,(334) 793-8701,Acute Care Hospitals',
    '10090,"USA HEALTH HCA PROVIDENCE HOSPITAL, LLC",6801 AIRPORT BOULEVARD,MOBILE,AL,36608,MOBILE,(251) 633-1000,Acute Care Hospitals',
  ].join('\n'),
  'icd10cm/phecoder_icd_info_icd10cm2021-2026_icd9cm.csv.gz': [
    'code,icd_code,first_appearance_fy,last_appearance_fy,description,code_system',
    'G200,G20.A1,2024,2026,"Parkinson\'s disease without dyskinesia, without mention of fluctuations",ICD10',
    'E8301,E83.01,2021,2026,Wilson\'s disease,ICD10',
    'M1A,M11.8,2021,2026,Crystal arthropathy of the knee,ICD10',
    '0010,001.0,2010,2014,Cholera due to vibrio cholerae zzicdnine,ICD9',
  ].join('\n'),
}

/** Writes the fixture files (optionally changed) into a new temporary folder; returns it and a cleanup. */
export async function writeFixturePack(changes: Record<string, string | Buffer | null> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'clinibox-reference-'))
  for (const [path, text] of Object.entries({ ...FIXTURE_FILES, ...changes })) {
    if (text === null) continue
    const target = join(dir, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, path.endsWith('.gz') && typeof text === 'string' ? gzipSync(text) : text)
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}
