import { test } from '@japa/runner'
import { InferenceClient } from '#ai/inference/inference_client'
import { RemoteInference } from '#ai/inference/remote_inference'
import { SECRET, startService, writeManifest } from '#tests/helpers/inference_service'

const hello = { model: 'tiny', messages: [{ role: 'user' as const, content: 'Hello' }], max_tokens: 4, temperature: 0 }

/*
| AI_INFERENCE_URL: an inference service someone else runs (Docker's
| `inference`, a GPU box), reached by the same client the app uses.
*/
test.group('Inference service run elsewhere', () => {
  test('the client generates through it with the shared secret', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }])
    cleanup(() => service.close())
    const client = new InferenceClient(new RemoteInference(service.url, SECRET))
    const completion = await client.chat(hello)
    assert.isAbove(completion.usage.completion_tokens, 0)
    assert.isAtMost(completion.usage.completion_tokens, 4)
  })

  test('a wrong secret is AI_UNAUTHORIZED (401)', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }])
    cleanup(() => service.close())
    const error = await new InferenceClient(new RemoteInference(service.url, 'wrong')).chat(hello).catch((caught) => caught)
    assert.deepInclude(error, { code: 'AI_UNAUTHORIZED', status: 401 })
  })

  test('a model it does not know yet gets one reload of its manifest, then the request succeeds', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }])
    cleanup(() => service.close())
    await writeManifest(service.folder, [{ name: 'tiny' }, { name: 'tiny-2' }])
    const completion = await new InferenceClient(new RemoteInference(service.url, SECRET)).chat({ ...hello, model: 'tiny-2' })
    assert.equal(completion.model, 'tiny-2')
  })

  test('a model it still does not know after the reload is AI_MODEL_NOT_FOUND (404)', async ({ assert, cleanup }) => {
    const service = await startService([{ name: 'tiny' }])
    cleanup(() => service.close())
    const error = await new InferenceClient(new RemoteInference(service.url, SECRET)).chat({ ...hello, model: 'missing' }).catch((caught) => caught)
    assert.deepInclude(error, { code: 'AI_MODEL_NOT_FOUND', status: 404 })
  })

  test('a service that does not answer is AI_INFERENCE_UNAVAILABLE (503)', async ({ assert }) => {
    const service = await startService([{ name: 'tiny' }])
    await service.close()
    const endpoint = new RemoteInference(service.url, SECRET)
    const error = await new InferenceClient(endpoint).chat(hello).catch((caught) => caught)
    assert.deepInclude(error, { code: 'AI_INFERENCE_UNAVAILABLE', status: 503 })
    assert.isNotNull(endpoint.status().lastError)
  })
})
