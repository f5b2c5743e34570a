import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import { Ajv } from 'ajv'
import { startAce } from '#tests/helpers/child_process'
import { tinyLlamaPath } from '#tests/helpers/ai_models'
import { startService, writeManifest, type TestService } from '#tests/helpers/inference_service'
import { writeTinyFeatureExtractionModel, writeTinyTokenClassificationModel, writeTruncatedCopy } from '#tests/helpers/onnx_model_fixtures'

/** Greedy decoding of the tiny random model never stops by itself before its token budget. */
const LONG_GENERATION = { messages: [{ role: 'user', content: 'Write a long story.' }], max_tokens: 3000, temperature: 0 }

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; details?: any } }
  return { status: response.status, ...body.error }
}

/** Reads a server-sent events body: every `data:` payload, in order. */
async function readEvents(response: Response): Promise<string[]> {
  const text = await response.text()
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length))
}

/** Resolves once the stream delivered its first event. */
async function firstEvent(response: Response): Promise<string> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  while (!buffered.includes('\n\n')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('the stream ended before its first event')
    buffered += decoder.decode(value, { stream: true })
  }
  return buffered.slice(0, buffered.indexOf('\n\n'))
}

async function health(service: TestService) {
  return (await (await service.call('/health', { auth: false })).json()) as {
    status: string
    models: { name: string; kind: string; tasks: string[]; version: string; state: string; error?: string }[]
    queue: { running: number; waiting: number; limit: number }
  }
}

async function waitForQueue(service: TestService, expected: { running: number; waiting: number }) {
  const deadline = Date.now() + 30_000
  let queue
  while (Date.now() < deadline) {
    queue = (await health(service)).queue
    if (queue.running === expected.running && queue.waiting === expected.waiting) return
    await sleep(50)
  }
  throw new Error(`the queue never reached ${JSON.stringify(expected)} (last: ${JSON.stringify(queue)})`)
}

async function quickCompletion(service: TestService, model = 'tiny') {
  return service.call('/v1/chat/completions', { json: { model, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4 } })
}

test.group('Inference service: models, access and request errors', (group) => {
  let service: TestService
  group.setup(async () => {
    service = await startService([
      { name: 'tiny', tasks: ['chat', 'coding-review'], version: 'abc123' },
      { name: 'tiny-embed', kind: 'gguf-embedding', tasks: ['embeddings'], version: 'def456' },
    ])
    return () => service.close()
  })

  test('GET /health lists the manifest models as loaded, with the queue, without a secret', async ({ assert }) => {
    const body = await health(service)
    assert.equal(body.status, 'ok')
    assert.deepEqual(
      body.models.map(({ name, kind, tasks, version, state }) => ({ name, kind, tasks, version, state })),
      [
        { name: 'tiny', kind: 'gguf-llm', tasks: ['chat', 'coding-review'], version: 'abc123', state: 'loaded' },
        { name: 'tiny-embed', kind: 'gguf-embedding', tasks: ['embeddings'], version: 'def456', state: 'loaded' },
      ]
    )
    assert.deepInclude(body.queue, { running: 0, waiting: 0, limit: 4 })
  })

  test('GET /v1/models answers in the OpenAI list shape', async ({ assert }) => {
    const response = await service.call('/v1/models')
    assert.equal(response.status, 200)
    const body = (await response.json()) as any
    assert.equal(body.object, 'list')
    assert.deepEqual(
      body.data.map((model: any) => model.id),
      ['tiny', 'tiny-embed']
    )
    assert.deepInclude(body.data[0], { object: 'model', owned_by: 'clinibox', kind: 'gguf-llm', version: 'abc123', state: 'loaded' })
    assert.isNumber(body.data[0].created)
  })

  test('every route but /health refuses a missing or wrong secret with 401 AI_UNAUTHORIZED', async ({ assert }) => {
    const missing = await service.call('/v1/models', { auth: false })
    assert.deepInclude(await errorOf(missing), { status: 401, code: 'AI_UNAUTHORIZED' })

    const wrong = await service.call('/v1/chat/completions', {
      auth: false,
      headers: { authorization: 'Bearer not-the-secret' },
      json: { model: 'tiny', messages: [{ role: 'user', content: 'Hi' }] },
    })
    assert.deepInclude(await errorOf(wrong), { status: 401, code: 'AI_UNAUTHORIZED' })

    const reload = await service.call('/admin/reload', { auth: false, method: 'POST' })
    assert.equal(reload.status, 401)
  })

  test('an unknown path is 404 and a wrong method 405', async ({ assert }) => {
    assert.deepInclude(await errorOf(await service.call('/v1/nothing')), { status: 404, code: 'AI_NOT_FOUND' })
    const wrongMethod = await service.call('/v1/chat/completions')
    assert.equal(wrongMethod.headers.get('allow'), 'POST')
    assert.deepInclude(await errorOf(wrongMethod), { status: 405, code: 'AI_METHOD_NOT_ALLOWED' })
  })

  test('a body that is not JSON is 400 AI_MALFORMED_JSON', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', { method: 'POST', body: '{"model": "tiny", ' })
    assert.deepInclude(await errorOf(response), { status: 400, code: 'AI_MALFORMED_JSON' })
  })

  test('fields of the wrong type are 400 AI_INVALID_REQUEST with the issues, and the prompt is not echoed', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', {
      json: { model: 'tiny', messages: [{ role: 'doctor', content: 'Patient John Smith' }], max_tokens: 'many' },
    })
    const error = await errorOf(response)
    assert.deepInclude(error, { status: 400, code: 'AI_INVALID_REQUEST' })
    const paths = error.details.issues.map((issue: { path: string }) => issue.path)
    assert.includeMembers(paths, ['messages.0.role', 'max_tokens'])
    assert.notInclude(JSON.stringify(error), 'John Smith')
  })

  test('a body over the size limit is 413 AI_BODY_TOO_LARGE', async ({ assert }) => {
    const response = await service.call('/v1/embeddings', { json: { model: 'tiny-embed', input: 'x'.repeat(5 * 1024 * 1024) } })
    assert.deepInclude(await errorOf(response), { status: 413, code: 'AI_BODY_TOO_LARGE' })
  })

  test('an unknown model is 404 AI_MODEL_NOT_FOUND', async ({ assert }) => {
    const response = await quickCompletion(service, 'no-such-model')
    assert.deepInclude(await errorOf(response), { status: 404, code: 'AI_MODEL_NOT_FOUND' })
  })

  test('a model of the wrong kind for the endpoint is 400 AI_WRONG_MODEL_KIND', async ({ assert }) => {
    const chatOnEmbedder = await quickCompletion(service, 'tiny-embed')
    assert.deepInclude(await errorOf(chatOnEmbedder), { status: 400, code: 'AI_WRONG_MODEL_KIND' })

    const embedOnChat = await service.call('/v1/embeddings', { json: { model: 'tiny', input: 'hello' } })
    assert.deepInclude(await errorOf(embedOnChat), { status: 400, code: 'AI_WRONG_MODEL_KIND' })

    const nerOnChat = await service.call('/v1/token-classification', { json: { model: 'tiny', text: 'hello' } })
    assert.deepInclude(await errorOf(nerOnChat), { status: 400, code: 'AI_WRONG_MODEL_KIND' })
  })

  test('POST /v1/embeddings embeds each input with a GGUF embedding model', async ({ assert }) => {
    const response = await service.call('/v1/embeddings', { json: { model: 'tiny-embed', input: ['first text', 'second text'] } })
    assert.equal(response.status, 200)
    const body = (await response.json()) as any
    assert.equal(body.object, 'list')
    assert.equal(body.model, 'tiny-embed')
    assert.deepEqual(
      body.data.map((item: any) => [item.object, item.index]),
      [
        ['embedding', 0],
        ['embedding', 1],
      ]
    )
    assert.isAbove(body.data[0].embedding.length, 0)
    assert.equal(body.data[0].embedding.length, body.data[1].embedding.length)
    assert.isTrue(body.data[0].embedding.every((value: unknown) => typeof value === 'number'))
    assert.isAbove(body.usage.prompt_tokens, 0)
    assert.equal(body.usage.total_tokens, body.usage.prompt_tokens)

    const single = (await (await service.call('/v1/embeddings', { json: { model: 'tiny-embed', input: 'first text' } })).json()) as any
    assert.deepEqual(single.data[0].embedding, body.data[0].embedding)
  })
})

test.group('Inference service: chat completions', (group) => {
  let service: TestService
  group.setup(async () => {
    service = await startService([{ name: 'tiny' }])
    return () => service.close()
  })

  test('answers in the OpenAI chat.completion shape with token usage, tolerating unknown fields', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', {
      json: {
        model: 'tiny',
        messages: [
          { role: 'system', content: 'You are brief.' },
          { role: 'user', content: 'Hello' },
          { role: 'assistant', content: 'Hi.' },
          { role: 'user', content: 'How are you?' },
        ],
        max_tokens: 8,
        temperature: 0.7,
        top_p: 0.9,
        seed: 42,
        user: 'an extra OpenAI field',
      },
    })
    assert.equal(response.status, 200)
    const body = (await response.json()) as any
    assert.match(body.id, /^chatcmpl-/)
    assert.equal(body.object, 'chat.completion')
    assert.equal(body.model, 'tiny')
    assert.isNumber(body.created)
    assert.lengthOf(body.choices, 1)
    assert.equal(body.choices[0].index, 0)
    assert.equal(body.choices[0].message.role, 'assistant')
    assert.isString(body.choices[0].message.content)
    assert.include(['stop', 'length'], body.choices[0].finish_reason)
    assert.isAbove(body.usage.prompt_tokens, 0)
    assert.isAtLeast(body.usage.completion_tokens, 1)
    assert.isAtMost(body.usage.completion_tokens, 8)
    assert.equal(body.usage.total_tokens, body.usage.prompt_tokens + body.usage.completion_tokens)
  })

  test('stops at max_tokens with finish_reason length', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny', max_tokens: 5 } })
    const body = (await response.json()) as any
    assert.equal(body.choices[0].finish_reason, 'length')
    assert.equal(body.usage.completion_tokens, 5)
  })

  test('streams server-sent chunks, then a final chunk with finish_reason and usage, then [DONE]', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', {
      json: { model: 'tiny', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 6, stream: true, temperature: 0 },
    })
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/)
    const events = await readEvents(response)
    assert.equal(events.at(-1), '[DONE]')
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event))
    assert.isAtLeast(chunks.length, 3)
    const ids = new Set(chunks.map((chunk) => chunk.id))
    assert.equal(ids.size, 1)
    for (const chunk of chunks) {
      assert.equal(chunk.object, 'chat.completion.chunk')
      assert.equal(chunk.model, 'tiny')
      assert.equal(chunk.choices[0].index, 0)
    }
    assert.equal(chunks[0].choices[0].delta.role, 'assistant')
    const middle = chunks.slice(0, -1)
    assert.isTrue(middle.every((chunk) => chunk.choices[0].finish_reason === null))
    const last = chunks.at(-1)
    assert.equal(last.choices[0].finish_reason, 'length')
    assert.equal(last.usage.completion_tokens, 6)
    assert.equal(last.usage.total_tokens, last.usage.prompt_tokens + 6)

    /* The same request without streaming writes the same text (greedy decoding). */
    const streamed = middle.map((chunk) => chunk.choices[0].delta.content ?? '').join('')
    const whole = (await (
      await service.call('/v1/chat/completions', {
        json: { model: 'tiny', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 6, temperature: 0 },
      })
    ).json()) as any
    assert.equal(streamed, whole.choices[0].message.content)
  })

  test('json_schema output parses as JSON that matches the schema', async ({ assert }) => {
    const schema = {
      type: 'object',
      properties: {
        code: { type: 'string', maxLength: 8 },
        status: { enum: ['billed_supported', 'missed'] },
        confidence: { enum: [0.25, 0.5, 0.75, 1] },
        billed: { type: 'boolean' },
        evidence: { type: 'array', items: { type: 'string', maxLength: 12 }, maxItems: 2 },
      },
      required: ['code', 'status', 'confidence', 'billed', 'evidence'],
      additionalProperties: false,
    }
    const validate = new Ajv({ strict: false }).compile(schema)
    for (const seed of [1, 2, 3]) {
      const response = await service.call('/v1/chat/completions', {
        json: {
          model: 'tiny',
          messages: [{ role: 'user', content: 'Code this note.' }],
          max_tokens: 400,
          temperature: 0.8,
          seed,
          response_format: { type: 'json_schema', json_schema: { name: 'code', schema, strict: true } },
        },
      })
      assert.equal(response.status, 200)
      const body = (await response.json()) as any
      assert.equal(body.choices[0].finish_reason, 'stop')
      const output = JSON.parse(body.choices[0].message.content)
      assert.isTrue(validate(output), JSON.stringify(validate.errors))
    }
  })

  test('json_object output parses as JSON', async ({ assert }) => {
    /* Free-form JSON from random weights rarely closes; this seed's does, within the budget. */
    const response = await service.call('/v1/chat/completions', {
      json: {
        model: 'tiny',
        messages: [{ role: 'user', content: 'Answer in JSON.' }],
        max_tokens: 300,
        temperature: 0.8,
        seed: 1,
        response_format: { type: 'json_object' },
      },
    })
    const body = (await response.json()) as any
    assert.equal(body.choices[0].finish_reason, 'stop')
    assert.doesNotThrow(() => JSON.parse(body.choices[0].message.content))
  })

  test('a schema that is not valid JSON Schema is 400 AI_INVALID_JSON_SCHEMA and the service keeps answering', async ({ assert }) => {
    const invalidSchemas = [
      { type: 'banana' },
      { type: 'object', properties: { name: { type: 'string', maxLength: -1 } } },
      'not an object',
      /* Valid JSON Schema, but a reference form the grammar engine cannot follow. */
      { definitions: { code: { type: 'string', maxLength: 8 } }, type: 'object', properties: { code: { $ref: '#/definitions/code' } } },
    ]
    for (const schema of invalidSchemas) {
      const response = await service.call('/v1/chat/completions', {
        json: {
          model: 'tiny',
          messages: [{ role: 'user', content: 'Hi' }],
          max_tokens: 4,
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
        },
      })
      assert.deepInclude(await errorOf(response), { status: 400, code: 'AI_INVALID_JSON_SCHEMA' }, JSON.stringify(schema))
    }
    assert.equal((await quickCompletion(service)).status, 200)
  })
})

test.group('Inference service: context size', (group) => {
  let service: TestService
  let contextSize: number
  group.setup(async () => {
    service = await startService([{ name: 'tiny' }], { contextSize: 64 })
    /* llama.cpp may round the context up; the service reports what it got. */
    const listed = (await (await service.call('/v1/models')).json()) as any
    contextSize = listed.data[0].contextSize
    return () => service.close()
  })

  test('a small configured context size bounds the context', async ({ assert }) => {
    assert.isAtLeast(contextSize, 64)
    assert.isBelow(contextSize, 4096)
  })

  test('a prompt longer than the context is 400 AI_CONTEXT_LENGTH_EXCEEDED with the token counts', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', {
      json: { model: 'tiny', messages: [{ role: 'user', content: 'tell me more '.repeat(contextSize) }], max_tokens: 4 },
    })
    const error = await errorOf(response)
    assert.deepInclude(error, { status: 400, code: 'AI_CONTEXT_LENGTH_EXCEEDED' })
    assert.equal(error.details.contextSize, contextSize)
    assert.isAbove(error.details.promptTokens, contextSize)
    assert.notInclude(JSON.stringify(error), 'tell me more')
    assert.equal((await quickCompletion(service)).status, 200)
  })

  test('max_tokens is cut to what the context has left', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', {
      json: { model: 'tiny', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4000, temperature: 0 },
    })
    const body = (await response.json()) as any
    assert.equal(body.choices[0].finish_reason, 'length')
    assert.equal(body.usage.total_tokens, contextSize)
  }).timeout(60_000)
})

test.group('Inference service: bounded work', (group) => {
  let service: TestService
  group.setup(async () => {
    service = await startService([{ name: 'tiny' }], { queueLimit: 1, concurrency: 1 })
    return () => service.close()
  })

  test('refuses work beyond the running slot and the waiting places with 503 AI_QUEUE_FULL and Retry-After', async ({ assert }) => {
    const running = new AbortController()
    const waiting = new AbortController()
    const first = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny', stream: true }, signal: running.signal })
    await firstEvent(first)
    const second = service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny' }, signal: waiting.signal })
    second.catch(() => {})
    await waitForQueue(service, { running: 1, waiting: 1 })

    const refused = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny' } })
    assert.isAbove(Number(refused.headers.get('retry-after')), 0)
    assert.deepInclude(await errorOf(refused), { status: 503, code: 'AI_QUEUE_FULL' })

    waiting.abort()
    running.abort()
    await waitForQueue(service, { running: 0, waiting: 0 })
    assert.equal((await quickCompletion(service)).status, 200)
  }).timeout(60_000)

  test('a client that disconnects mid-stream stops its generation and frees the slot', async ({ assert }) => {
    const controller = new AbortController()
    const response = await service.call('/v1/chat/completions', {
      json: { ...LONG_GENERATION, model: 'tiny', stream: true },
      signal: controller.signal,
    })
    const event = JSON.parse((await firstEvent(response)).slice('data: '.length))
    assert.equal(event.object, 'chat.completion.chunk')
    assert.equal((await health(service)).queue.running, 1)

    controller.abort()
    await waitForQueue(service, { running: 0, waiting: 0 })
    assert.equal((await quickCompletion(service)).status, 200)
  }).timeout(60_000)

  test('a client that disconnects while waiting leaves the queue without running', async ({ assert }) => {
    const running = new AbortController()
    const waiting = new AbortController()
    const first = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny', stream: true }, signal: running.signal })
    await firstEvent(first)
    service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny' }, signal: waiting.signal }).catch(() => {})
    await waitForQueue(service, { running: 1, waiting: 1 })

    waiting.abort()
    await waitForQueue(service, { running: 1, waiting: 0 })
    running.abort()
    await waitForQueue(service, { running: 0, waiting: 0 })
    assert.equal((await quickCompletion(service)).status, 200)
  }).timeout(60_000)
})

test.group('Inference service: request timeout', (group) => {
  let service: TestService
  group.setup(async () => {
    service = await startService([{ name: 'tiny' }], { requestTimeoutMs: 500 })
    return () => service.close()
  })

  test('a generation that outlasts the timeout is stopped and answered 504 AI_TIMEOUT', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny' } })
    assert.deepInclude(await errorOf(response), { status: 504, code: 'AI_TIMEOUT' })
    await waitForQueue(service, { running: 0, waiting: 0 })
    assert.equal((await quickCompletion(service)).status, 200)
  }).timeout(60_000)

  test('a stream that outlasts the timeout ends with an AI_TIMEOUT error event', async ({ assert }) => {
    const response = await service.call('/v1/chat/completions', { json: { ...LONG_GENERATION, model: 'tiny', stream: true } })
    assert.equal(response.status, 200)
    const events = await readEvents(response)
    assert.notInclude(events, '[DONE]')
    assert.equal(JSON.parse(events.at(-1)!).error.code, 'AI_TIMEOUT')
    assert.isAtLeast(events.length, 2)
    assert.equal((await quickCompletion(service)).status, 200)
  }).timeout(60_000)
})

test.group('Inference service: bad model files', (group) => {
  let folder: string
  group.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clinibox-bad-models-'))
    return () => rm(folder, { recursive: true, force: true })
  })

  test('a truncated GGUF is reported failed, requests to it are 503 AI_MODEL_UNAVAILABLE, other models serve', async ({ assert, cleanup }) => {
    const truncated = join(folder, 'truncated.gguf')
    const bytes = await readFile(tinyLlamaPath())
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const service = await startService([{ name: 'broken', path: truncated }, { name: 'tiny' }])
    cleanup(() => service.close())

    const models = (await health(service)).models
    const broken = models.find((model) => model.name === 'broken')!
    assert.equal(broken.state, 'failed')
    assert.match(broken.error!, /truncated|corrupted/)
    assert.equal(models.find((model) => model.name === 'tiny')!.state, 'loaded')
    const listed = (await (await service.call('/v1/models')).json()) as any
    assert.equal(listed.data.find((model: any) => model.id === 'broken').state, 'failed')

    assert.deepInclude(await errorOf(await quickCompletion(service, 'broken')), { status: 503, code: 'AI_MODEL_UNAVAILABLE' })
    assert.equal((await quickCompletion(service, 'tiny')).status, 200)
  }).timeout(60_000)

  test('a text file named .gguf is reported failed as not a GGUF file, other models serve', async ({ assert, cleanup }) => {
    const notGguf = join(folder, 'notes.gguf')
    await writeFile(notGguf, 'These are not model weights.\n'.repeat(20))
    const service = await startService([{ name: 'text', path: notGguf }, { name: 'tiny' }])
    cleanup(() => service.close())

    const text = (await health(service)).models.find((model) => model.name === 'text')!
    assert.equal(text.state, 'failed')
    assert.match(text.error!, /not a GGUF model file/)
    assert.deepInclude(await errorOf(await quickCompletion(service, 'text')), { status: 503, code: 'AI_MODEL_UNAVAILABLE' })
    assert.equal((await quickCompletion(service, 'tiny')).status, 200)
  }).timeout(60_000)

  test('models that are broken or serve no task in the manifest are not loaded', async ({ assert, cleanup }) => {
    const service = await startService([
      { name: 'tiny' },
      { name: 'unassigned', tasks: [] },
      { name: 'marked-broken', status: 'broken' },
    ])
    cleanup(() => service.close())
    assert.deepEqual(
      (await health(service)).models.map((model) => model.name),
      ['tiny']
    )
  }).timeout(60_000)
})

test.group('Inference service: ONNX models', (group) => {
  let service: TestService
  let models: string
  group.setup(async () => {
    models = await mkdtemp(join(tmpdir(), 'clinibox-onnx-models-'))
    await writeTinyTokenClassificationModel(join(models, 'ner'))
    await writeTinyFeatureExtractionModel(join(models, 'embedder'), { dimension: 16 })
    await writeTinyFeatureExtractionModel(join(models, 'truncated'))
    await writeTruncatedCopy(join(models, 'truncated', 'onnx', 'model.onnx'), join(models, 'truncated', 'onnx', 'model.onnx'))
    service = await startService([
      { name: 'ner', kind: 'onnx-token-classification', tasks: ['phi-ner'], path: join(models, 'ner') },
      { name: 'embedder', kind: 'onnx-feature-extraction', tasks: ['embeddings'], path: join(models, 'embedder') },
      { name: 'truncated-onnx', kind: 'onnx-feature-extraction', tasks: ['embeddings'], path: join(models, 'truncated') },
      { name: 'tiny' },
    ])
    return async () => {
      await service.close()
      await rm(models, { recursive: true, force: true })
    }
  })

  test('POST /v1/token-classification returns entity spans with offsets into the text', async ({ assert }) => {
    const text = 'Seen today: John Smith and Mary Jones.'
    const response = await service.call('/v1/token-classification', { json: { model: 'ner', text } })
    assert.equal(response.status, 200)
    const body = (await response.json()) as { model: string; spans: { start: number; end: number; label: string; score: number }[] }
    assert.equal(body.model, 'ner')
    assert.deepEqual(
      body.spans.map((span) => [text.slice(span.start, span.end), span.label]),
      [
        ['John Smith', 'NAME'],
        ['Mary Jones', 'NAME'],
      ]
    )
    assert.isTrue(body.spans.every((span) => span.score > 0 && span.score <= 1))
  })

  test('POST /v1/embeddings embeds with an ONNX feature-extraction model', async ({ assert }) => {
    const response = await service.call('/v1/embeddings', { json: { model: 'embedder', input: ['john smith', 'march'] } })
    assert.equal(response.status, 200)
    const body = (await response.json()) as any
    assert.lengthOf(body.data, 2)
    assert.lengthOf(body.data[0].embedding, 16)
    const listed = (await (await service.call('/v1/models')).json()) as any
    assert.equal(listed.data.find((model: any) => model.id === 'embedder').dimension, 16)
  })

  test('an ONNX model of the wrong kind for the endpoint is 400 AI_WRONG_MODEL_KIND', async ({ assert }) => {
    const embedOnNer = await service.call('/v1/embeddings', { json: { model: 'ner', input: 'john' } })
    assert.deepInclude(await errorOf(embedOnNer), { status: 400, code: 'AI_WRONG_MODEL_KIND' })
    const nerOnEmbedder = await service.call('/v1/token-classification', { json: { model: 'embedder', text: 'john' } })
    assert.deepInclude(await errorOf(nerOnEmbedder), { status: 400, code: 'AI_WRONG_MODEL_KIND' })
  })

  test('a truncated ONNX model is reported failed and the other models serve', async ({ assert }) => {
    const entry = (await health(service)).models.find((model) => model.name === 'truncated-onnx')!
    assert.equal(entry.state, 'failed')
    assert.isString(entry.error)
    const response = await service.call('/v1/embeddings', { json: { model: 'truncated-onnx', input: 'john' } })
    assert.deepInclude(await errorOf(response), { status: 503, code: 'AI_MODEL_UNAVAILABLE' })
    assert.equal((await quickCompletion(service)).status, 200)
  })
})

test.group('Inference service: reload', () => {
  test('POST /admin/reload loads added models, drops removed ones and keeps unchanged ones loaded', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }, { name: 'old', version: 'v1' }])
    cleanup(() => service.close())
    const runtimeOf = (name: string) => service.server.models().find((entry) => entry.model.name === name)?.runtime

    const tinyRuntime = runtimeOf('tiny')
    assert.exists(tinyRuntime)
    await writeManifest(service.folder, [
      { name: 'tiny', tasks: ['chat', 'coding-review'] },
      { name: 'new', kind: 'gguf-embedding', tasks: ['embeddings'], version: 'v2' },
    ])
    const response = await service.call('/admin/reload', { method: 'POST' })
    assert.equal(response.status, 200)
    const body = (await response.json()) as any
    assert.deepEqual(
      body.models.map((model: any) => [model.name, model.state]),
      [
        ['tiny', 'loaded'],
        ['new', 'loaded'],
      ]
    )
    assert.strictEqual(runtimeOf('tiny'), tinyRuntime, 'the unchanged model was not loaded again')
    assert.deepEqual((await health(service)).models.find((model) => model.name === 'tiny')!.tasks, ['chat', 'coding-review'])

    assert.deepInclude(await errorOf(await quickCompletion(service, 'old')), { status: 404, code: 'AI_MODEL_NOT_FOUND' })
    assert.equal((await service.call('/v1/embeddings', { json: { model: 'new', input: 'hello' } })).status, 200)
    assert.equal((await quickCompletion(service, 'tiny')).status, 200)
  }).timeout(60_000)

  test('a reload that cannot read the manifest keeps the loaded models', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }])
    cleanup(() => service.close())
    await writeFile(service.manifestPath, '{"models": [')
    const response = await service.call('/admin/reload', { method: 'POST' })
    assert.deepInclude(await errorOf(response), { status: 422, code: 'AI_INVALID_MANIFEST' })
    assert.equal((await quickCompletion(service, 'tiny')).status, 200)
  }).timeout(60_000)
})

test.group('node ace ai:serve', (group) => {
  let folder: string
  let manifestPath: string
  group.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clinibox-ai-serve-'))
    manifestPath = await writeManifest(folder, [{ name: 'tiny' }])
    return () => rm(folder, { recursive: true, force: true })
  })

  test('prints one listening line with its port and models, serves, and exits 0 on SIGTERM', async ({ assert, cleanup }) => {
    const serve = startAce(['ai:serve', '--port', '0', '--manifest', manifestPath], { AI_INFERENCE_SECRET: 's', AI_MAX_THREADS: '2' })
    cleanup(() => void serve.child.kill('SIGKILL'))

    const deadline = Date.now() + 60_000
    let line: string | undefined
    while (!line && Date.now() < deadline) {
      line = serve.output().split('\n').find((candidate) => candidate.startsWith('{"event":"listening"'))
      if (serve.child.exitCode !== null) break
      await sleep(100)
    }
    assert.exists(line, serve.output())
    const listening = JSON.parse(line!)
    assert.deepEqual(listening.models, ['tiny'])
    assert.isAbove(listening.port, 0)
    assert.lengthOf(serve.output().split('\n').filter((candidate) => candidate.includes('"event":"listening"')), 1)

    const response = await fetch(`http://127.0.0.1:${listening.port}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'authorization': 'Bearer s', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'tiny', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4 }),
    })
    assert.equal(response.status, 200)

    serve.child.kill('SIGTERM')
    assert.equal(await serve.exited, 0, serve.output())
  }).timeout(90_000)

  test('refuses to start without AI_INFERENCE_SECRET and exits 1', async ({ assert }) => {
    const serve = startAce(['ai:serve', '--port', '0', '--manifest', manifestPath], { AI_INFERENCE_SECRET: '' })
    assert.equal(await serve.exited, 1)
    assert.include(serve.output(), 'AI_INFERENCE_SECRET')
  }).timeout(60_000)

  for (const [variable, value] of [
    ['AI_MAX_THREADS', 'many'],
    ['AI_QUEUE_LIMIT', '-1'],
  ]) {
    test(`refuses to start with ${variable}=${value}, naming the variable`, async ({ assert }) => {
      const serve = startAce(['ai:serve', '--port', '0', '--manifest', manifestPath], { AI_INFERENCE_SECRET: 's', [variable]: value })
      assert.notEqual(await serve.exited, 0)
      assert.include(serve.output(), variable)
    }).timeout(60_000)
  }
})
