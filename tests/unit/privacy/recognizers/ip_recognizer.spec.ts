import { test } from '@japa/runner'
import { IpRecognizer } from '#privacy/recognizers/ip_recognizer'
import { builtInDictionaries } from '#privacy/reference/built_in_dictionaries'

const recognizer = new IpRecognizer()
const ips = (text: string) => recognizer.recognize(text, { dictionaries: builtInDictionaries() }).map((span) => span.text)

test.group('IpRecognizer', () => {
  test('finds IPv4 addresses', ({ assert }) => {
    assert.deepEqual(ips('connected from 192.0.2.146 (IP 100.64.22.7).'), ['192.0.2.146', '100.64.22.7'])
  })

  test('finds full and compressed IPv6 addresses', ({ assert }) => {
    assert.deepEqual(ips('6e40:4041:c617:e898:c11:40d2:c669:2eb4 and fe80::1 and 2001:db8::8a2e:370:7334'), [
      '6e40:4041:c617:e898:c11:40d2:c669:2eb4',
      'fe80::1',
      '2001:db8::8a2e:370:7334',
    ])
  })

  test('rejects octets over 255, dotted dates, versions and times', ({ assert }) => {
    assert.deepEqual(ips('999.1.1.1, 01.16.2024, v1.2.3, 14:30:00, 1.2.3'), [])
  })
})
