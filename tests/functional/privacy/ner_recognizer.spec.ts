import { test } from '@japa/runner'
import { SYSTEM_ACTOR } from '#audit/index'
import { addModel } from '#ai/registry/add_model'
import { NerRecognizer } from '#privacy/recognizers/ner_recognizer'
import { findPhi } from '#privacy/index'
import { modelsFolder, resetModelRegistry } from '#tests/helpers/model_registry'
import { writeTinyTokenClassificationModel } from '#tests/helpers/onnx_model_fixtures'

/*
| The NER recognizer against the real inference service, with the tiny
| token-classification model the tests generate (it tags john/mary as
| B-NAME and smith/jones as I-NAME, whatever the context).
*/
test.group('NER recognizer with the phi-ner model', (group) => {
  group.setup(() => resetModelRegistry())

  test('finds nothing while no model is assigned to phi-ner', async ({ assert }) => {
    assert.deepEqual(await new NerRecognizer().recognize('Seen today: John Smith.'), [])
  })

  test('reports the model names as NAME spans with exact offsets and the model as source', async ({ assert }) => {
    await writeTinyTokenClassificationModel(modelsFolder('tiny-ner'))
    await addModel({ path: 'tiny-ner', task: 'phi-ner' }, { actor: SYSTEM_ACTOR })

    const text = 'Seen today:\tJohn Smith, then Mary Jones.'
    const spans = await new NerRecognizer().recognize(text)
    assert.deepEqual(
      spans.map((span) => [span.type, span.text, text.slice(span.start, span.end), span.source]),
      [
        ['NAME', 'John Smith', 'John Smith', 'ner:tiny-ner'],
        ['NAME', 'Mary Jones', 'Mary Jones', 'ner:tiny-ner'],
      ]
    )
    for (const span of spans) assert.isAbove(span.score, 0)
  })

  test('findPhi merges the model’s spans with the rules and names the model as its NER engine', async ({ assert }) => {
    const text = 'Phone call from mary jones on 01/16/2024.'
    const { spans, engine } = await findPhi(text)
    assert.deepInclude(
      spans.map((span) => [span.type, span.text, span.source]),
      ['NAME', 'mary jones', 'ner:tiny-ner']
    )
    assert.containsSubset(spans, [{ type: 'DATE', text: '01/16/2024' }])
    assert.equal(engine.ner?.name, 'tiny-ner')
  })
})
