import { test } from '@japa/runner'
import { LocationRecognizer } from '#privacy/recognizers/location_recognizer'
import type { Dictionaries } from '#privacy/reference/dictionaries'

function dictionaries(): Dictionaries {
  return {
    source: { pack: 'test', version: '1' },
    firstNames: new Map([['colleen', 0.7]]),
    lastNames: new Map(),
    cities: new Set(['boone', 'springfield', 'cedar rapids', 'bend', 'boise', 'macon', 'fitzgerald', 'baltimore']),
    states: new Map([
      ['north carolina', 'NC'],
      ['nc', 'NC'],
    ]),
    organizations: new Set(),
    commonWords: new Set(),
  }
}

const recognizer = new LocationRecognizer()
const places = (text: string) => recognizer.recognize(text, { dictionaries: dictionaries() }).map((span) => `${span.type}:${span.text}`)

test.group('LocationRecognizer', () => {
  test('finds city, state code and ZIP in an address line', ({ assert }) => {
    assert.deepEqual(places('318 Depot Street, Boone, NC 28607'), ['CITY:Boone', 'STATE:NC'])
  })

  test('finds a city with a state name, and multi-word cities', ({ assert }) => {
    assert.deepEqual(places('Moved here from Springfield, Illinois. Parents live at 1902 Willow Bend Dr, Cedar Rapids, IA 52402.'), [
      'CITY:Springfield',
      'STATE:Illinois',
      'CITY:Cedar Rapids',
      'STATE:IA',
    ])
  })

  test('accepts a city no list knows when a state code and ZIP follow', ({ assert }) => {
    assert.deepEqual(places('1400 Lakeshore Blvd, Suite 3 - Marquette, MI 49855'), ['CITY:Marquette', 'STATE:MI'])
    assert.deepEqual(places('Lives at 9 Elm St\nHarmonyville NC 27000'), ['CITY:Harmonyville', 'STATE:NC'])
  })

  test('finds dictionary cities after place cues', ({ assert }) => {
    assert.deepEqual(places('Pt at home in Macon; she lives in Boise with her sister.'), ['CITY:Macon', 'CITY:Boise'])
  })

  test('finds an unknown place after a strong cue such as "flew to" or "grew up in"', ({ assert }) => {
    assert.deepEqual(places('He grew up in Remniku and flew to Leppen last week.'), ['CITY:Remniku', 'CITY:Leppen'])
  })

  test('finds a state name alone in prose', ({ assert }) => {
    assert.deepEqual(places('Recently moved from Ohio. Visited family in Georgia.'), ['STATE:Ohio', 'STATE:Georgia'])
  })

  test('leaves state codes that are words or credentials alone', ({ assert }) => {
    assert.deepEqual(places('Taken to the OR at 0800. IN the ED, ME was negative. Colleen Fitzgerald, MD. Discuss with PA.'), [])
  })

  test('does not take a state name that is part of a longer proper name', ({ assert }) => {
    assert.deepEqual(places('Labs at Central Georgia Labs; daughter Georgia Smith visits.'), [])
  })

  test('takes "State:" labels and codes before a ZIP', ({ assert }) => {
    assert.deepEqual(places('State: NC\nZIP: NC 28607'), ['STATE:NC', 'STATE:NC'])
  })

  test('marks later mentions of a city found in an address', ({ assert }) => {
    assert.deepEqual(places('Address: 1 Main St, Boone, NC 28607. Drives to Boone weekly.'), ['CITY:Boone', 'STATE:NC', 'CITY:Boone'])
  })

  test('spans carry the location source and exact offsets', ({ assert }) => {
    const text = 'Bend, OR 97701'
    const spans = recognizer.recognize(text, { dictionaries: dictionaries() })
    assert.deepEqual(
      spans.map((span) => [span.type, span.start, span.end, span.source]),
      [
        ['CITY', 0, 4, 'dictionary:location'],
        ['STATE', 6, 8, 'dictionary:location'],
      ]
    )
  })
})
