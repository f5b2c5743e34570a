import { test } from '@japa/runner'
import { shiftDate } from '#privacy/deidentify/shift_date'

test.group('shiftDate', () => {
  test('writes the moved date back in the format it was written in', ({ assert }) => {
    const cases: [string, string][] = [
      ['03/14/2024', '12/05/2023'],
      ['3/14/2024', '12/5/2023'],
      ['3/14/24', '12/5/23'],
      ['8-30-1944', '5-22-1944'],
      ['2024-03-14', '2023-12-05'],
      ['March 14, 2024', 'December 5, 2023'],
      ['Mar 14, 2024', 'Dec 5, 2023'],
      ['14 March 2024', '5 December 2023'],
      ['14-Mar-2024', '5-Dec-2023'],
      ['March 14th, 2024', 'December 5th, 2023'],
      ['the 1st of March, 2024', 'the 22nd of November, 2023'],
      ['MARCH 14, 2024', 'DECEMBER 5, 2023'],
      ['Thursday, March 14, 2024', 'Tuesday, December 5, 2023'],
    ]
    for (const [input, expected] of cases) {
      assert.equal(shiftDate(input, -100), expected, input)
    }
  })

  test('dates without a year keep having none; "Feb 29" is still a date', ({ assert }) => {
    assert.equal(shiftDate('3/14', -100), '12/5')
    assert.equal(shiftDate('Mar 14', -100), 'Dec 5')
    assert.equal(shiftDate('Feb 29', -1), 'Feb 28')
  })

  test('month-and-year dates move from the middle of their month', ({ assert }) => {
    assert.equal(shiftDate('Feb 2023', -100), 'Nov 2022')
    assert.equal(shiftDate('6/2019', -10), '6/2019')
    assert.equal(shiftDate('06/2019', -20), '05/2019')
    assert.equal(shiftDate('June 2019', -20), 'May 2019')
  })

  test('intervals between dates are the same after shifting', ({ assert }) => {
    const days = (iso: string) => Date.parse(iso) / 86_400_000
    for (const offset of [-1, -45, -200, -365]) {
      const start = shiftDate('2024-02-27', offset)!
      const end = shiftDate('2024-03-02', offset)!
      assert.equal(days(end) - days(start), 4, `offset ${offset}`)
    }
  })

  test('text that is not a date it can read back exactly is null', ({ assert }) => {
    for (const text of ['January', '2024', 'last Tuesday', '13/45/2024', 'BP 132/84', '']) {
      assert.isNull(shiftDate(text, -30), text)
    }
  })
})
