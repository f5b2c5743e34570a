import { test } from '@japa/runner'
import { VehicleRecognizer } from '#privacy/recognizers/vehicle_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new VehicleRecognizer()
const context = { dictionaries: builtInDictionaries() }
const vehicles = (text: string) => recognizer.recognize(text, context).map((span) => span.text)

test.group('VehicleRecognizer', () => {
  test('finds VINs, scoring one with a failed check digit lower', ({ assert }) => {
    const [valid, invalid] = recognizer.recognize('1M8GDM9AXKP042788 and 1M8GDM9A1KP042788', context)
    assert.equal(valid.text, '1M8GDM9AXKP042788')
    assert.equal(invalid.text, '1M8GDM9A1KP042788')
    assert.isAbove(valid.score, invalid.score)
  })

  test('finds a labelled VIN even when its check digit fails', ({ assert }) => {
    assert.deepEqual(vehicles('fleet truck VIN 1FTFW1E50NFA28817 per report'), ['1FTFW1E50NFA28817'])
  })

  test('finds licence plates after a plate label, and after tag near a vehicle word', ({ assert }) => {
    assert.deepEqual(vehicles('tractor (plate TX-R44-7JK); license plate: ABC 1234; his car, tag 7XYZ123'), ['TX-R44-7JK', 'ABC 1234', '7XYZ123'])
  })

  test('ignores tags without a vehicle, 17-digit numbers and words', ({ assert }) => {
    assert.deepEqual(vehicles('rabies tag #RV-2023-08817; 12345678901234567; ABCDEFGHJKLMNPRST; plate of food'), [])
  })
})
