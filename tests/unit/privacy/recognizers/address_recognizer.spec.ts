import { test } from '@japa/runner'
import { AddressRecognizer } from '#privacy/recognizers/address_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new AddressRecognizer()
const addresses = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('AddressRecognizer', () => {
  test('finds street lines with a house number, name and suffix', ({ assert }) => {
    assert.deepEqual(addresses('Pine Hollow, 318 Depot Street, Boone; 47 Quarry Hill Rd, Latrobe; 1902 Willow Bend Dr, Cedar Rapids'), [
      '318 Depot Street',
      '47 Quarry Hill Rd',
      '1902 Willow Bend Dr',
    ])
  })

  test('keeps directionals, ordinals and units with the street line', ({ assert }) => {
    assert.deepEqual(addresses('1200 N. Main St., Apt 4B; 350 5th Avenue; 1400 Lakeshore Blvd, Suite 3; 77 Oak Ave NW'), [
      '1200 N. Main St., Apt 4B',
      '350 5th Avenue',
      '1400 Lakeshore Blvd, Suite 3',
      '77 Oak Ave NW',
    ])
  })

  test('finds PO boxes, rural routes, numbered routes, military addresses and lone unit lines', ({ assert }) => {
    assert.deepEqual(addresses('PO Box 123; RR 2 Box 15; 4410 State Route 9; PSC 0413, Box 8144; Suite 200'), [
      'PO Box 123',
      'RR 2 Box 15',
      '4410 State Route 9',
      'PSC 0413, Box 8144',
      'Suite 200',
    ])
  })

  test('finds European street lines with the number after the name', ({ assert }) => {
    assert.deepEqual(addresses('lives at Villacher Strasse 89 and Rua do Arenque 1634'), ['Villacher Strasse 89', 'Rua do Arenque 1634'])
  })

  test('does not take "Dr" before a name for Drive, nor clinical text for an address', ({ assert }) => {
    assert.deepEqual(addresses('seen 3 times by Dr. Lee; follow up in 2 weeks with Dr Smith; ST elevation 2 mm; Head CT; 20 MG DR capsule; BP 128/78'), [])
  })
})
