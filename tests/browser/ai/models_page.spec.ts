import { test } from '@japa/runner'
import { createUser } from '#tests/helpers/identity'
import { withTwoFactor } from '#tests/helpers/console'
import { tinyLlamaFacts } from '#tests/helpers/ai_models'
import { installTinyLlama, resetModelRegistry } from '#tests/helpers/model_registry'

test.group('Models page', (group) => {
  group.each.setup(() => resetModelRegistry())

  test('an IT admin adds a model from the models folder, assigns it to chat and sees the engine change', async ({ browserContext, visit }) => {
    await installTinyLlama()
    const admin = await withTwoFactor(await createUser({ systemRole: 'it_admin' }))
    await browserContext.loginAs(admin)
    await browserContext.setSession({ 'identity.twoFactorPassed': true })

    const page = await visit('/admin/models')
    await page.assertTitle('Models · Clinibox')
    await page.assertTextContains('[data-testid="task-row-chat"] [data-testid="task-engine"]', 'built-in: retrieval')
    await page.assertTextContains('[data-testid="task-row-embeddings"] [data-testid="task-engine"]', 'built-in: hashing')

    await page.getByTestId('add-model-path').click()
    await page.getByRole('option', { name: 'tiny-llama.gguf' }).click()
    await page.getByRole('button', { name: 'Add model' }).click()
    await page.assertTextContains('[data-testid="flash-success"]', 'Model tiny-llama added (gguf-llm)')
    await page.assertTextContains('[data-testid="model-row-tiny-llama"] [data-testid="model-status"]', 'Ready')

    await page.getByTestId('assign-chat').click()
    await page.getByRole('option', { name: 'tiny-llama' }).click()
    await page.assertTextContains('[data-testid="flash-success"]', 'Task chat assigned')
    await page.assertTextContains('[data-testid="task-row-chat"] [data-testid="task-engine"]', `tiny-llama@${tinyLlamaFacts().sha256.slice(0, 12)}`)
  })
})
