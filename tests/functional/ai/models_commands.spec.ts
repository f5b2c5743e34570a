import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import { rm } from 'node:fs/promises'
import ModelsAdd from '#ai/commands/models_add'
import ModelsAssign from '#ai/commands/models_assign'
import ModelsList from '#ai/commands/models_list'
import ModelsRemove from '#ai/commands/models_remove'
import ModelsVerify from '#ai/commands/models_verify'
import { countRows } from '#tests/helpers/console'
import { tinyLlamaFacts } from '#tests/helpers/ai_models'
import { installTinyLlama, modelsFolder, resetModelRegistry, writeModelsFile } from '#tests/helpers/model_registry'

type ModelsCommand = typeof ModelsAdd | typeof ModelsAssign | typeof ModelsList | typeof ModelsRemove | typeof ModelsVerify

/** Runs the command in this process; its log lines are kept for assertions. */
async function run(command: ModelsCommand, args: string[]) {
  const instance = await ace.create(command, args)
  await instance.exec()
  return instance
}

test.group('node ace models:*', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(() => resetModelRegistry())

  test('models:add registers a file for a task and prints its checksum', async ({ assert }) => {
    await installTinyLlama()
    const command = await run(ModelsAdd, [modelsFolder('tiny-llama.gguf'), '--task', 'chat', '--name', 'tiny'])
    assert.equal(command.exitCode, 0)
    const { size, sha256 } = tinyLlamaFacts()
    command.assertLogMatches(new RegExp(`Added tiny \\(gguf-llm, ${size} bytes, sha256 ${sha256}\\) serving chat`))
  })

  test('models:add refuses a file that is not a model: exit 1, its error code, nothing recorded', async ({ assert }) => {
    await writeModelsFile('fake.gguf', 'hello')
    const command = await run(ModelsAdd, ['fake.gguf'])
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/AI_NOT_A_MODEL: fake.gguf is not a GGUF model file/, 'stderr')
    command.assertLogMatches(/Nothing was changed/, 'stderr')
    assert.equal(await countRows('ai_models'), 0)
  })

  test('models:add refuses an unknown task before looking at the file', async ({ assert }) => {
    const command = await run(ModelsAdd, ['whatever.gguf', '--task', 'astrology'])
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/--task: one of chat, coding-review, phi-ner, clinical-ner, embeddings/, 'stderr')
  })

  test('models:assign, models:list and models:remove', async ({ assert }) => {
    await installTinyLlama()
    await run(ModelsAdd, ['tiny-llama.gguf'])

    const assign = await run(ModelsAssign, ['coding-review', 'tiny-llama'])
    assign.assertLogMatches(/tiny-llama now serves coding-review/)
    const wrong = await run(ModelsAssign, ['embeddings', 'tiny-llama'])
    assert.equal(wrong.exitCode, 1)
    wrong.assertLogMatches(/AI_WRONG_TASK/, 'stderr')

    const list = await run(ModelsList, [])
    list.assertLogMatches(new RegExp(`coding-review: tiny-llama@${tinyLlamaFacts().sha256.slice(0, 12)}`))
    list.assertLogMatches(/embeddings: hashing/)

    const remove = await run(ModelsRemove, ['tiny-llama'])
    assert.equal(remove.exitCode, 0)
    assert.equal(await countRows('ai_models'), 0)
  })

  test('an unknown model name is AI_MODEL_NOT_FOUND with exit 1', async ({ assert }) => {
    for (const [command, args] of [
      [ModelsRemove, ['nope']],
      [ModelsAssign, ['chat', 'nope']],
      [ModelsVerify, ['nope']],
    ] as const) {
      const instance = await run(command, [...args])
      assert.equal(instance.exitCode, 1)
      instance.assertLogMatches(/AI_MODEL_NOT_FOUND: No model named nope/, 'stderr')
    }
  })

  test('models:verify exits 1 and names the broken model and file', async ({ assert }) => {
    await installTinyLlama()
    await run(ModelsAdd, ['tiny-llama.gguf'])
    assert.equal((await run(ModelsVerify, [])).exitCode, 0)
    await rm(modelsFolder('tiny-llama.gguf'))
    const command = await run(ModelsVerify, [])
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/tiny-llama: broken \(tiny-llama.gguf is missing\)/, 'stderr')
  })
})
