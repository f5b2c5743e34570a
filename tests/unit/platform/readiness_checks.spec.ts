import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { StorageCheck } from '#platform/health/storage_check'
import { ModelsFolderCheck } from '#platform/health/models_folder_check'

test.group('Readiness checks for folders', (group) => {
  let folder: string
  group.each.setup(() => {
    folder = mkdtempSync(join(tmpdir(), 'clinibox-check-'))
    return () => rmSync(folder, { recursive: true, force: true })
  })

  test('storage is ok when a file can be written there, and leaves nothing behind', async ({ assert }) => {
    const result = await new StorageCheck(folder).run()
    assert.equal(result.status, 'ok')
    assert.deepEqual(readdirSync(folder), [])
  })

  test('storage fails with a message naming the setting when it cannot be written', async ({ assert }) => {
    const file = join(folder, 'a-file')
    writeFileSync(file, '')
    const result = await new StorageCheck(join(file, 'below-a-file')).run()
    assert.equal(result.status, 'error')
    assert.equal(result.message, 'Storage folder is not writable (see STORAGE_PATH)')
    assert.isUndefined(result.meta?.error)
  })

  test('storage fails, saying so, when the folder does not exist', async ({ assert }) => {
    const result = await new StorageCheck(join(folder, 'missing')).run()
    assert.equal(result.status, 'error')
    assert.equal(result.message, 'Storage folder does not exist (see STORAGE_PATH)')
  })

  test('models folder is ok when it can be listed, even empty', async ({ assert }) => {
    const result = await new ModelsFolderCheck(folder).run()
    assert.equal(result.status, 'ok')
    assert.equal(result.meta?.entries, 0)
  })

  test('models folder fails with a message naming the setting when missing', async ({ assert }) => {
    const result = await new ModelsFolderCheck(join(folder, 'missing')).run()
    assert.equal(result.status, 'error')
    assert.include(result.message, 'MODELS_PATH')
  })
})
