import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import PhiScan from '#privacy/commands/phi_scan'

test.group('node ace phi:scan', (group) => {
  let folder: string
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clinibox-phi-scan-'))
    return () => rm(folder, { recursive: true, force: true })
  })

  test('writes one JSON per .txt with the contract shape, code-point offsets and the redacted text', async ({ assert }) => {
    const text = '😀 Patient: Gregory Talbot, DOB 10/21/1966, MRN PHF-204471. BP 128/78.'
    await writeFile(join(folder, 'in-note.txt'), text)
    await writeFile(join(folder, 'ignored.md'), 'not scanned')
    const command = await ace.create(PhiScan, [folder, '--out', join(folder, 'out')])
    await command.exec()
    assert.equal(command.exitCode, 0)

    assert.deepEqual(await readdir(join(folder, 'out')), ['in-note.json'])
    const result = JSON.parse(await readFile(join(folder, 'out', 'in-note.json'), 'utf8'))
    assert.containsSubset(result.phi, [{ type: 'NAME', text: 'Gregory Talbot' }, { type: 'DATE', text: '10/21/1966' }, { type: 'MRN', text: 'PHF-204471' }])
    for (const span of result.phi) {
      assert.sameMembers(Object.keys(span), ['start', 'end', 'type', 'text', 'score', 'source'])
      assert.equal(Array.from(text).slice(span.start, span.end).join(''), span.text)
    }
    assert.notInclude(result.redacted, 'Talbot')
    assert.include(result.redacted, 'BP 128/78')
  })

  test('a file that is not UTF-8 is reported and skipped, the others are written, exit 1', async ({ assert }) => {
    await writeFile(join(folder, 'good.txt'), 'Seen by Dr. Maren Ostrowski.')
    await writeFile(join(folder, 'bad.txt'), Buffer.from([0x50, 0x61, 0xff, 0xfe, 0x74]))
    const command = await ace.create(PhiScan, [folder, '--out', join(folder, 'out')])
    await command.exec()
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/bad\.txt: not UTF-8; skipped/, 'stderr')
    assert.deepEqual(await readdir(join(folder, 'out')), ['good.json'])
  })

  test('a folder that does not exist is an error, exit 1', async ({ assert }) => {
    const command = await ace.create(PhiScan, [join(folder, 'missing'), '--out', join(folder, 'out')])
    await command.exec()
    assert.equal(command.exitCode, 1)
  })
})
