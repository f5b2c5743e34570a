import { test } from '@japa/runner'
import type { PhiSpan, PhiType } from '#privacy/phi_types'
import { AllowList } from '#privacy/allow_list/allow_list'
import { resolveSpans } from '#privacy/decision/resolve_spans'

const span = (text: string, part: string, type: PhiType, score = 0.9, source = 'test'): PhiSpan => {
  const start = text.indexOf(part)
  return { start, end: start + part.length, type, text: part, score, source }
}
const options = { threshold: 0.3, allowList: AllowList.builtIn() }

test.group('Decision layer', () => {
  test('merges overlapping detections into one span covering all of them, typed by the best score', ({ assert }) => {
    const text = 'Seen at Pine Hollow Family Medicine today.'
    const merged = resolveSpans(text, [span(text, 'Pine Hollow', 'NAME', 0.5), span(text, 'Hollow Family Medicine', 'ORGANIZATION', 0.9)], options)
    assert.deepEqual(merged.map(({ text: value, type }) => [value, type]), [['Pine Hollow Family Medicine', 'ORGANIZATION']])
    assert.equal(merged[0].source, 'test')
  })

  test('at equal scores the more specific type wins', ({ assert }) => {
    const text = 'ID 123-45-6789'
    const merged = resolveSpans(text, [span(text, '123-45-6789', 'PHONE'), span(text, '123-45-6789', 'SSN')], options)
    assert.equal(merged[0].type, 'SSN')
  })

  test('drops spans below the threshold and keeps separate spans apart, sorted', ({ assert }) => {
    const text = 'Ann Lee called 555-0142 on 3/14.'
    const merged = resolveSpans(text, [span(text, '3/14', 'DATE'), span(text, 'Ann Lee', 'NAME'), span(text, 'called', 'NAME', 0.1)], options)
    assert.deepEqual(merged.map((each) => each.text), ['Ann Lee', '3/14'])
  })

  test('the clinical allow-list vetoes words such as eponyms, not identifiers', ({ assert }) => {
    const text = 'Foley catheter placed; MRN 55512.'
    const merged = resolveSpans(text, [span(text, 'Foley', 'NAME'), span(text, '55512', 'MRN')], options)
    assert.deepEqual(merged.map((each) => each.type), ['MRN'])
  })
})
