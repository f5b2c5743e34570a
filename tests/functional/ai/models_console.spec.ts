import { test } from '@japa/runner'
import { createUser } from '#tests/helpers/identity'
import { countRows, inertiaPage, lastAuditEvent, loginAsAdmin, withTwoFactor } from '#tests/helpers/console'
import { installTinyLlama, resetModelRegistry, writeModelsFile } from '#tests/helpers/model_registry'

async function itAdmin() {
  return withTwoFactor(await createUser({ systemRole: 'it_admin' }))
}

test.group('Console: Models page', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('shows every task with its engine, the files not registered yet and the inference service', async ({ client, assert }) => {
    await installTinyLlama()
    const response = await loginAsAdmin(client.get('/admin/models'), await itAdmin())
    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'ai/models')
    assert.deepEqual(
      props.tasks.map((task: { task: string; engine: string }) => [task.task, task.engine]),
      [
        ['chat', 'retrieval'],
        ['coding-review', 'rules'],
        ['phi-ner', 'rules'],
        ['clinical-ner', 'rules'],
        ['embeddings', 'hashing'],
      ]
    )
    assert.deepEqual(props.unregistered, ['tiny-llama.gguf'])
    assert.equal(props.inference.mode, 'supervised')
    assert.isNumber(props.inference.restarts)
  })

  test('adds a model from the folder with a task, audited with the admin as actor', async ({ client, assert }) => {
    const admin = await itAdmin()
    await installTinyLlama()
    const response = await loginAsAdmin(client.post('/admin/models'), admin).json({ path: 'tiny-llama.gguf', task: 'chat' }).redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'Model tiny-llama added (gguf-llm)')

    const page = inertiaPage(await loginAsAdmin(client.get('/admin/models'), admin))
    assert.deepInclude(page.props.tasks[0], { task: 'chat', model: 'tiny-llama', engine: `tiny-llama@${page.props.models[0].version}` })
    assert.equal((await lastAuditEvent('ai.model.added')).actor_id, String(admin.id))
  })

  test('a file that is not a model goes back to the form with its error code, nothing recorded', async ({ client, assert }) => {
    await writeModelsFile('fake.gguf', 'not a model')
    const response = await loginAsAdmin(client.post('/admin/models'), await itAdmin())
      .header('referer', '/admin/models')
      .json({ path: 'fake.gguf' })
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('errorCode', 'AI_NOT_A_MODEL')
    assert.equal(await countRows('ai_models'), 0)
  })

  test('unknown fields and unknown tasks are refused, nothing recorded', async ({ client, assert }) => {
    await installTinyLlama()
    const admin = await itAdmin()
    const refused = [
      { body: { path: 'tiny-llama.gguf', extra: 1 }, field: 'form' },
      { body: { path: 'tiny-llama.gguf', task: 'astrology' }, field: 'task' },
    ]
    for (const { body, field } of refused) {
      const response = await loginAsAdmin(client.post('/admin/models'), admin).header('referer', '/admin/models').json(body).redirects(0)
      response.assertStatus(302)
      assert.property(response.flashMessages().inputErrorsBag, field)
    }
    assert.equal(await countRows('ai_models'), 0)
  })

  test('assigns, returns to the fallback, verifies and removes', async ({ client, assert }) => {
    const admin = await itAdmin()
    await installTinyLlama()
    await loginAsAdmin(client.post('/admin/models'), admin).json({ path: 'tiny-llama.gguf' }).redirects(0)
    const [model] = inertiaPage(await loginAsAdmin(client.get('/admin/models'), admin)).props.models

    ;(await loginAsAdmin(client.post('/admin/models/tasks'), admin).json({ task: 'coding-review', modelId: model.id }).redirects(0)).assertFlashMessage('success', 'Task coding-review assigned')
    ;(await loginAsAdmin(client.post(`/admin/models/${model.id}/verify`), admin).redirects(0)).assertFlashMessage('success', 'tiny-llama: all files match their checksums')
    ;(await loginAsAdmin(client.post('/admin/models/tasks'), admin).json({ task: 'coding-review', modelId: null }).redirects(0)).assertFlashMessage('success', 'coding-review now uses its built-in fallback')
    ;(await loginAsAdmin(client.delete(`/admin/models/${model.id}`), admin).redirects(0)).assertStatus(302)
    assert.equal(await countRows('ai_models'), 0)
  })
})
