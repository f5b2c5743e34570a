import type { Dictionaries } from '#privacy/reference/dictionaries'
import { COMMON_ENGLISH_WORDS } from '#privacy/reference/common_english_words'
import { statesMap } from '#privacy/reference/us_states'

/* Frequent US first names and surnames (SSA, Census 2010), most frequent first. */
const FIRST_NAMES = `
linda james michael robert john david mary william jennifer lisa christopher richard mark patricia jessica jason
ashley deborah debra matthew barbara thomas susan joshua shirley amanda charles karen dorothy cynthia gary daniel
steven betty brittany donna brian andrew helen jacob justin larry ronald sandra michelle carol kimberly melissa
jeffrey joseph nancy amy scott timothy kevin tyler donald ryan brandon nicholas sharon sarah margaret kenneth
george pamela paul kathleen emily ruth austin angela samantha zachary judith anthony stephanie dennis jonathan
brenda heather cheryl adam kathy lori eric diane hannah stephen nicole isabella emma kyle sophia ethan madison
gregory jeremy taylor tammy edward lauren joan judy elizabeth carolyn liam alexander cindy megan cody olivia
alexis noah debbie mason virginia crystal laura teresa jerry kayla janet tracy tiffany kelly julie mildred ava
christine jayden frank danielle amber rebecca douglas joyce christina doris randy dylan rachel chelsea jordan
frances christian aiden janice abigail benjamin dawn anna robin terry courtney denise todd logan aaron mia erin
samuel tina patrick bruce nathan evelyn harold oliver alyssa elijah shannon chad ricky walter charlotte roger
gabriel lucas victoria amelia jamie brianna raymond jose dolores shawn jack grace cameron marie gloria jackson
hunter jean kim keith jasmine catherine mike maria carlos juan luis peter henry arthur albert eugene ralph
`

const LAST_NAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson
walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell
mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales
murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson
watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long
ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher
vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes
bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez
mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson
porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson
boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver
ryan gardner payne grant dunn kelley spencer hawkins
`

/* Large US cities (by population). */
const CITIES = `
new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|jacksonville|austin|
fort worth|san jose|columbus|charlotte|indianapolis|san francisco|seattle|denver|oklahoma city|nashville|
washington|el paso|las vegas|boston|detroit|portland|louisville|memphis|baltimore|milwaukee|albuquerque|tucson|
fresno|sacramento|mesa|atlanta|kansas city|colorado springs|omaha|raleigh|miami|virginia beach|long beach|
oakland|minneapolis|bakersfield|tulsa|tampa|arlington|wichita|aurora|new orleans|cleveland|honolulu|anaheim|
henderson|orlando|lexington|stockton|riverside|irvine|corpus christi|newark|santa ana|cincinnati|pittsburgh|
saint paul|st. paul|greensboro|jersey city|durham|lincoln|north las vegas|plano|anchorage|gilbert|madison|reno|
chandler|st. louis|saint louis|chula vista|buffalo|fort wayne|lubbock|toledo|st. petersburg|laredo|irving|
chesapeake|glendale|winston-salem|port st. lucie|scottsdale|garland|boise|norfolk|spokane|richmond|fremont|
huntsville|frisco|cape coral|santa clarita|san bernardino|tacoma|hialeah|baton rouge|modesto|fontana|
mckinney|moreno valley|des moines|fayetteville|salt lake city|yonkers|worcester|rochester|sioux falls|
little rock|amarillo|tallahassee|grand rapids|birmingham|springfield|providence|knoxville|hartford|burlington
`

/** Small lists used when no reference pack is imported (recall is reduced; the console says so). */
export function builtInDictionaries(): Dictionaries {
  return {
    source: { pack: 'built-in', version: '1' },
    firstNames: rankedFrequencies(words(FIRST_NAMES)),
    lastNames: rankedFrequencies(words(LAST_NAMES)),
    cities: new Set(CITIES.split('|').map((city) => city.trim()).filter((city) => city.length > 0)),
    states: statesMap(),
    organizations: new Set(),
    commonWords: new Set(COMMON_ENGLISH_WORDS),
  }
}

function words(list: string) {
  return list.split(/\s+/).filter((word) => word.length > 0)
}

/* These are all frequent names: from 1 for the first down to 0.5 for the last. */
function rankedFrequencies(names: string[]) {
  const map = new Map<string, number>()
  names.forEach((name, rank) => {
    if (!map.has(name)) map.set(name, 1 - (0.5 * rank) / names.length)
  })
  return map
}
