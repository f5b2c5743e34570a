import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR } from '#audit/index'
import { ai, HASHING_EMBEDDER_ID } from '#ai/index'
import { addModel } from '#ai/registry/add_model'
import { assignModelTask } from '#ai/registry/assign_model_task'
import { inferenceEndpoint } from '#ai/services/local_inference'
import { installTinyLlama, modelsFolder, resetModelRegistry } from '#tests/helpers/model_registry'
import { writeTinyFeatureExtractionModel, writeTinyTokenClassificationModel } from '#tests/helpers/onnx_model_fixtures'
import { createTestVectorIndex, dropTestVectorIndex, waitForIndexReady } from '#tests/helpers/vector_index'
import { deleteAllJobs, startTestWorker } from '#tests/helpers/jobs'
import { lastAuditEvent } from '#tests/helpers/console'

const by = { actor: SYSTEM_ACTOR }
const hello = [{ role: 'user' as const, content: 'Say hello.' }]

/** Polls the supervised inference service until `check` holds. */
async function waitForInference(check: (status: ReturnType<ReturnType<typeof inferenceEndpoint>['status']>) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (check(inferenceEndpoint().status())) return
    await sleep(100)
  }
  throw new Error(`inference service status never matched: ${JSON.stringify(inferenceEndpoint().status())}`)
}

/*
| The AI service as other modules use it, against the real inference
| service: `node ace ai:serve`, started by this process as a supervised
| child the first time a model is needed, loading the tiny llama GGUF and
| tiny ONNX models the tests generate.
*/
test.group('AI service with local models', (group) => {
  let llamaVersion: string

  group.setup(async () => {
    await resetModelRegistry()
    await installTinyLlama()
    await writeTinyTokenClassificationModel(modelsFolder('tiny-ner'))
    llamaVersion = (await addModel({ path: 'tiny-llama.gguf', task: 'chat' }, by)).version
    await addModel({ path: 'tiny-ner', task: 'phi-ner' }, by)
  })

  test('complete() generates with the model assigned to the task and names it as the engine', async ({ assert }) => {
    const result = await ai.complete({ task: 'chat', messages: hello, maxTokens: 8, temperature: 0 })
    assert.isString(result.text)
    assert.include(['stop', 'length'], result.finishReason)
    assert.isAbove(result.usage.prompt_tokens, 0)
    assert.deepEqual(result.engine, { type: 'model', name: 'tiny-llama', version: llamaVersion })
    assert.equal(inferenceEndpoint().status().state, 'running')
  })

  test('stream() yields text as it is generated, then one done event', async ({ assert }) => {
    const events = []
    for await (const event of ai.stream({ task: 'chat', messages: hello, maxTokens: 12, temperature: 0 })) events.push(event)
    const done = events.at(-1)!
    assert.equal(done.type, 'done')
    assert.isAbove(events.filter((event) => event.type === 'delta').length, 0)
    assert.equal(done.type === 'done' && done.usage.completion_tokens, 12)
    assert.deepEqual(done.type === 'done' && done.engine.name, 'tiny-llama')
  })

  test('aborting a stream stops it, and the service answers the next request', async ({ assert }) => {
    const controller = new AbortController()
    let deltas = 0
    const reading = (async () => {
      for await (const event of ai.stream({ task: 'chat', messages: hello, maxTokens: 2000, signal: controller.signal })) {
        if (event.type === 'delta' && ++deltas === 3) controller.abort()
      }
    })()
    await assert.rejects(() => reading)
    assert.equal(deltas, 3)
    const next = await ai.complete({ task: 'chat', messages: hello, maxTokens: 4 })
    assert.equal(next.engine.name, 'tiny-llama')
  })

  test('completeJson() returns a value that matches the JSON Schema', async ({ assert }) => {
    const schema = {
      type: 'object',
      properties: { diagnosis: { type: 'string', maxLength: 20 }, severity: { enum: ['mild', 'moderate', 'severe'] }, confidence: { type: 'integer' } },
      required: ['diagnosis', 'severity', 'confidence'],
      additionalProperties: false,
    }
    const { value, engine } = await ai.completeJson<{ diagnosis: string; severity: string; confidence: number }>({ task: 'chat', messages: hello, schema, maxTokens: 120, temperature: 0 })
    assert.include(['mild', 'moderate', 'severe'], value.severity)
    assert.isAtMost(value.diagnosis.length, 20)
    assert.equal(engine.type, 'model')
  })

  test('a schema that is not JSON Schema is refused before anything runs', async ({ assert }) => {
    const error = await ai.completeJson({ task: 'chat', messages: hello, schema: { type: 'no-such-type' } }).catch((caught) => caught)
    assert.equal(error.code, 'AI_INVALID_JSON_SCHEMA')
    assert.equal(error.status, 400)
  })

  test('a prompt over the context size is a clear 400, and the service stays up', async ({ assert }) => {
    const huge = [{ role: 'user' as const, content: 'lorem ipsum '.repeat(6000) }]
    const error = await ai.complete({ task: 'chat', messages: huge, maxTokens: 4 }).catch((caught) => caught)
    assert.equal(error.code, 'AI_CONTEXT_LENGTH_EXCEEDED')
    assert.equal(error.status, 400)
    assert.isString((await ai.complete({ task: 'chat', messages: hello, maxTokens: 2 })).text)
  })

  test('classifyTokens() returns NER spans whose offsets cut exactly the entity from the text', async ({ assert }) => {
    const text = 'Seen today:\tJohn Smith, then Mary Jones.'
    const { spans, engine } = await ai.classifyTokens(text, 'phi-ner')
    assert.deepEqual(
      spans.map((span) => [text.slice(span.start, span.end), span.label]),
      [
        ['John Smith', 'NAME'],
        ['Mary Jones', 'NAME'],
      ]
    )
    assert.equal(engine.name, 'tiny-ner')
  })

  test('a task whose model is the wrong kind cannot be assigned', async ({ assert }) => {
    const ner = await db.from('ai_models').where('name', 'tiny-ner').firstOrFail()
    const error = await assignModelTask({ task: 'chat', modelId: ner.id }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_WRONG_TASK')
  })

  test('when the inference process dies, requests fail cleanly, and it is restarted and audited', async ({ assert }) => {
    await ai.complete({ task: 'chat', messages: hello, maxTokens: 2 })
    const { pid, restarts } = inferenceEndpoint().status()
    process.kill(pid!, 'SIGKILL')

    await waitForInference((status) => status.restarts === restarts + 1)
    await waitForInference((status) => status.state === 'running' && status.pid !== pid)
    assert.deepInclude(inferenceEndpoint().status().lastExit!, { signal: 'SIGKILL' })
    assert.equal((await ai.complete({ task: 'chat', messages: hello, maxTokens: 2 })).engine.name, 'tiny-llama')
    assert.exists(await lastAuditEvent('ai.inference.crashed'))
  })

  test('changing the embedder to a model re-embeds a vector index with it', async ({ assert, cleanup }) => {
    await deleteAllJobs()
    const spec = await createTestVectorIndex()
    cleanup(() => dropTestVectorIndex(spec))
    const hashed = await ai.embed(['knee pain', 'shoulder pain', 'chest pain'])
    assert.equal(hashed.embedderId, HASHING_EMBEDDER_ID)
    await db.table(spec.table).multiInsert(
      ['knee pain', 'shoulder pain', 'chest pain'].map((body, i) => ({ body, embedding: `[${hashed.vectors[i].join(',')}]`, embedder: hashed.embedderId }))
    )

    await writeTinyFeatureExtractionModel(modelsFolder('tiny-embedder'))
    const embedder = await addModel({ path: 'tiny-embedder', task: 'embeddings' }, by)
    const modelEmbedder = `model:tiny-embedder@${embedder.version}`
    const worker = await startTestWorker()
    cleanup(() => worker.stop())

    const index = await waitForIndexReady(spec.name, modelEmbedder, 60_000)
    assert.deepInclude(index, { rows_total: 3, rows_done: 3, dimension: 16 })
    const rows = await db.from(spec.table).select('embedder', db.raw('vector_dims(embedding) as dims'))
    assert.deepEqual([...new Set(rows.map((row) => `${row.embedder}/${row.dims}`))], [`${modelEmbedder}/16`])

    const embedded = await ai.embed(['knee pain'])
    assert.equal(embedded.embedderId, modelEmbedder)
    assert.deepEqual(embedded.engine, { type: 'model', name: 'tiny-embedder', version: embedder.version })
  })
})
