import { readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { SYSTEM_ACTOR } from '#audit/index'
import AiModel from '#ai/models/ai_model'
import { addModel } from '#ai/registry/add_model'
import { verifyModels } from '#ai/registry/verify_models'
import { assignModelTask } from '#ai/registry/assign_model_task'
import { removeModel } from '#ai/registry/remove_model'
import { listModels } from '#ai/registry/list_models'
import { readServingManifest } from '#ai/inference/serving_manifest'
import { servingManifestPath } from '#ai/registry/write_serving_manifest'
import { installTinyLlama, modelsFolder, resetModelRegistry, writeModelsFile } from '#tests/helpers/model_registry'
import { writeTinyFeatureExtractionModel, writeTinyTokenClassificationModel } from '#tests/helpers/onnx_model_fixtures'
import { countRows, lastAuditEvent } from '#tests/helpers/console'
import { tinyLlamaFacts } from '#tests/helpers/ai_models'

const by = { actor: SYSTEM_ACTOR }

test.group('Model registry: adding models', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('records a GGUF file with its kind, size, checksum and task, audits it and writes the manifest', async ({ assert }) => {
    await installTinyLlama('llama/tiny.gguf')
    const model = await addModel({ path: 'llama/tiny.gguf', task: 'chat' }, by)
    const { size, sha256 } = tinyLlamaFacts()

    assert.equal(model.name, 'tiny')
    assert.equal(model.kind, 'gguf-llm')
    assert.equal(model.sha256, sha256)
    assert.equal(model.sizeBytes, size)
    assert.deepEqual(model.files, [{ path: 'llama/tiny.gguf', size, sha256 }])
    assert.equal(model.status, 'ready')
    assert.equal((await lastAuditEvent('ai.model.added')).resource_id, String(model.id))

    const manifest = await readServingManifest(servingManifestPath())
    assert.deepEqual(manifest.models.map(({ name, kind, tasks, version, status }) => ({ name, kind, tasks, version, status })), [
      { name: 'tiny', kind: 'gguf-llm', tasks: ['chat'], version: sha256.slice(0, 12), status: 'ready' },
    ])
    assert.equal(manifest.models[0].path, modelsFolder('llama/tiny.gguf'))
  })

  test('records ONNX folders as token classification or feature extraction from their config, with every file hashed', async ({ assert }) => {
    await writeTinyTokenClassificationModel(modelsFolder('tiny-ner'))
    await writeTinyFeatureExtractionModel(modelsFolder('tiny-embedder'))
    await writeModelsFile('tiny-ner/LICENSE', 'Apache License 2.0')

    const ner = await addModel({ path: 'tiny-ner', task: 'phi-ner' }, by)
    const embedder = await addModel({ path: 'tiny-embedder', task: 'embeddings' }, by)
    assert.equal(ner.kind, 'onnx-token-classification')
    assert.equal(embedder.kind, 'onnx-feature-extraction')
    assert.equal(ner.licence, 'Apache License 2.0')
    assert.sameMembers(
      ner.files.map((file) => file.path),
      ['tiny-ner/LICENSE', 'tiny-ner/config.json', 'tiny-ner/onnx/model.onnx', 'tiny-ner/tokenizer.json', 'tiny-ner/tokenizer_config.json']
    )
    assert.equal(ner.sizeBytes, ner.files.reduce((sum, file) => sum + file.size, 0))
  })

  test('refuses an ONNX folder whose model.onnx is truncated', async ({ assert }) => {
    await writeTinyTokenClassificationModel(modelsFolder('cut-ner'))
    const { size } = await stat(modelsFolder('cut-ner/onnx/model.onnx'))
    await truncate(modelsFolder('cut-ner/onnx/model.onnx'), Math.floor(size / 2))
    const error = await addModel({ path: 'cut-ner' }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_MODEL_TRUNCATED')
    assert.equal(await countRows('ai_models'), 0)
  })

  test('refuses an ONNX folder whose tokenizer.json is not JSON', async ({ assert }) => {
    await writeTinyTokenClassificationModel(modelsFolder('bad-tokenizer'))
    await writeModelsFile('bad-tokenizer/tokenizer.json', '{ not json')
    const error = await addModel({ path: 'bad-tokenizer' }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_INVALID_MODEL_FILE')
  })

  test('takes a licence text file when the model does not carry one', async ({ assert }) => {
    await installTinyLlama()
    await writeModelsFile('LICENSE-tiny.txt', 'MIT License\n\nPermission is hereby granted...')
    const model = await addModel({ path: 'tiny-llama.gguf', name: 'tiny', licencePath: 'LICENSE-tiny.txt' }, by)
    assert.match(model.licence!, /^MIT License/)
  })

  const refusals = [
    { title: 'a text file named .gguf', setup: () => writeModelsFile('notes.gguf', 'just some text, not a model'), path: 'notes.gguf', code: 'AI_NOT_A_MODEL' },
    {
      title: 'a truncated GGUF',
      setup: async () => {
        await installTinyLlama('cut.gguf')
        await truncate(modelsFolder('cut.gguf'), Math.floor(tinyLlamaFacts().size * 0.75))
      },
      path: 'cut.gguf',
      code: 'AI_MODEL_TRUNCATED',
    },
    {
      title: 'a GGUF cut inside its header',
      setup: async () => {
        await installTinyLlama('header.gguf')
        await truncate(modelsFolder('header.gguf'), 3000)
      },
      path: 'header.gguf',
      code: 'AI_MODEL_TRUNCATED',
    },
    { title: 'a folder without model files', setup: () => writeModelsFile('empty-folder/readme.txt', 'hello'), path: 'empty-folder', code: 'AI_NOT_A_MODEL' },
    { title: 'a path that does not exist', setup: async () => {}, path: 'missing.gguf', code: 'AI_MODEL_PATH_NOT_FOUND' },
    { title: 'a file outside the models folder', setup: async () => {}, path: '/etc/hostname', code: 'AI_PATH_OUTSIDE_MODELS' },
    { title: 'a path escaping the models folder', setup: () => installTinyLlama(), path: '../../../../../../etc/hostname', code: 'AI_PATH_OUTSIDE_MODELS' },
  ]
  for (const refusal of refusals) {
    test(`refuses ${refusal.title} with ${refusal.code} and records nothing`, async ({ assert }) => {
      await refusal.setup()
      const error = await addModel({ path: refusal.path }, by).catch((caught) => caught)
      assert.equal(error.code, refusal.code)
      assert.equal(error.status, 422)
      assert.equal(await countRows('ai_models'), 0)
    })
  }

  test('refuses a task the model kind cannot serve', async ({ assert }) => {
    await installTinyLlama()
    const error = await addModel({ path: 'tiny-llama.gguf', task: 'phi-ner' }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_WRONG_TASK')
    assert.equal(await countRows('ai_models'), 0)
  })

  test('refuses the same file twice and a name already taken', async ({ assert }) => {
    await installTinyLlama('a.gguf')
    await installTinyLlama('b.gguf')
    await addModel({ path: 'a.gguf', name: 'tiny' }, by)
    assert.equal((await addModel({ path: 'a.gguf', name: 'other' }, by).catch((caught) => caught)).code, 'AI_MODEL_EXISTS')
    assert.equal((await addModel({ path: 'b.gguf', name: 'tiny' }, by).catch((caught) => caught)).code, 'AI_MODEL_NAME_TAKEN')
    assert.equal(await countRows('ai_models'), 1)
  })
})

test.group('Model registry: verification', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('marks a model broken when its file changes, audits it, and ready again once restored', async ({ assert }) => {
    await installTinyLlama()
    const model = await addModel({ path: 'tiny-llama.gguf', task: 'chat' }, by)
    const original = await readFile(modelsFolder('tiny-llama.gguf'))

    const changed = Buffer.from(original)
    changed[changed.length - 1] ^= 0xff
    await writeFile(modelsFolder('tiny-llama.gguf'), changed)
    const [broken] = await verifyModels(by)
    assert.deepInclude(broken, { status: 'broken', changed: true, reason: 'tiny-llama.gguf changed (its sha256 differs)' })
    assert.equal((await AiModel.findOrFail(model.id)).status, 'broken')
    assert.equal((await lastAuditEvent('ai.model.broken')).resource_id, String(model.id))
    assert.equal((await readServingManifest(servingManifestPath())).models[0].status, 'broken')

    const view = await listModels()
    assert.deepInclude(view.tasks.find((task) => task.task === 'chat')!, { model: 'tiny-llama', modelStatus: 'broken', engine: 'retrieval' })

    await writeFile(modelsFolder('tiny-llama.gguf'), original)
    const [repaired] = await verifyModels(by, { modelId: model.id })
    assert.deepInclude(repaired, { status: 'ready', changed: true, reason: null })
    assert.exists(await lastAuditEvent('ai.model.repaired'))
  })

  test('marks a model broken when its file is missing', async ({ assert }) => {
    await installTinyLlama()
    await addModel({ path: 'tiny-llama.gguf' }, by)
    await rm(modelsFolder('tiny-llama.gguf'))
    const [result] = await verifyModels(by)
    assert.equal(result.reason, 'tiny-llama.gguf is missing')
  })

  test('a broken model cannot be assigned to a task', async ({ assert }) => {
    await installTinyLlama()
    const model = await addModel({ path: 'tiny-llama.gguf' }, by)
    await rm(modelsFolder('tiny-llama.gguf'))
    await verifyModels(by)
    const error = await assignModelTask({ task: 'chat', modelId: model.id }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_MODEL_BROKEN')
    assert.equal(await countRows('ai_task_assignments'), 0)
  })
})

test.group('Model registry: tasks and removal', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('one model per task: assigning another replaces it; none returns the task to its fallback', async ({ assert }) => {
    await installTinyLlama('a.gguf')
    await installTinyLlama('b.gguf')
    const first = await addModel({ path: 'a.gguf', task: 'chat' }, by)
    const second = await addModel({ path: 'b.gguf' }, by)

    await assignModelTask({ task: 'chat', modelId: second.id }, by)
    await assignModelTask({ task: 'coding-review', modelId: first.id }, by)
    let view = await listModels()
    assert.deepEqual(
      view.models.map((model) => [model.name, model.tasks]),
      [
        ['a', ['coding-review']],
        ['b', ['chat']],
      ]
    )
    assert.equal((await lastAuditEvent('ai.task.assigned')).resource_id, 'coding-review')

    await assignModelTask({ task: 'chat', modelId: null }, by)
    view = await listModels()
    assert.deepInclude(view.tasks.find((task) => task.task === 'chat')!, { model: null, engine: 'retrieval' })
    assert.deepInclude(view.tasks.find((task) => task.task === 'embeddings')!, { model: null, engine: 'hashing' })
  })

  test('refuses a kind that cannot serve the task', async ({ assert }) => {
    await installTinyLlama()
    const model = await addModel({ path: 'tiny-llama.gguf' }, by)
    const error = await assignModelTask({ task: 'embeddings', modelId: model.id }, by).catch((caught) => caught)
    assert.equal(error.code, 'AI_WRONG_TASK')
  })

  test('removing a model drops its assignments and its manifest entry but leaves its files', async ({ assert }) => {
    await installTinyLlama()
    const model = await addModel({ path: 'tiny-llama.gguf', task: 'chat' }, by)
    await removeModel(model.id, by)
    assert.equal(await countRows('ai_models'), 0)
    assert.equal(await countRows('ai_task_assignments'), 0)
    assert.deepEqual((await readServingManifest(servingManifestPath())).models, [])
    assert.exists(await readFile(modelsFolder('tiny-llama.gguf')))
    assert.deepEqual((await listModels()).unregistered, ['tiny-llama.gguf'])
    assert.exists(await lastAuditEvent('ai.model.removed'))
  })
})

test.group('Model registry: the manifest', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('verification writes the manifest again, so a lost or stale one heals', async ({ assert }) => {
    await installTinyLlama()
    await addModel({ path: 'tiny-llama.gguf', task: 'chat' }, by)
    await rm(servingManifestPath())
    await verifyModels(by)
    assert.deepEqual((await readServingManifest(servingManifestPath())).models.map((model) => model.name), ['tiny-llama'])
  })
})
