import { test } from '@japa/runner'

test.group('GET /health', () => {
  test('answers 200 while the process is up', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })
})
