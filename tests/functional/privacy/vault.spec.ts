import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import privacyConfig from '#config/privacy'
import { AppError } from '#kernel/index'
import KeysRotatePhi from '#privacy/commands/keys_rotate_phi'
import { deidentify, type DeidentifyOperator } from '#privacy/deidentify/deidentify'
import type { PhiSpan, PhiType } from '#privacy/phi_types'
import { readVaultEntry } from '#privacy/vault/read_vault_entry'
import { reidentify } from '#privacy/vault/reidentify'
import { rotateVaultKeys } from '#privacy/vault/rotate_vault_keys'
import { storeVaultEntry } from '#privacy/vault/store_vault_entry'
import { vaultKeySettings } from '#privacy/vault/vault_key_settings'
import { configuredVaultKeyring, VaultKeyring, vaultKeyId } from '#privacy/vault/vault_keyring'
import { createClinic } from '#tests/helpers/identity'

const NOTE = 'Gregory Talbot (MRN PHF-204471) was seen on 03/14/2024 and again on 03/20/2024. Call Talbot at 555-0142.'
const ENTITIES: [string, PhiType][] = [
  ['Gregory Talbot', 'NAME'],
  ['PHF-204471', 'MRN'],
  ['03/14/2024', 'DATE'],
  ['03/20/2024', 'DATE'],
  ['Talbot', 'NAME'],
  ['555-0142', 'PHONE'],
]

function spansOf(text: string, entities: [string, PhiType][]): PhiSpan[] {
  let cursor = 0
  return entities.map(([value, type]) => {
    const start = text.indexOf(value, cursor)
    cursor = start + value.length
    return { start, end: cursor, type, text: value, score: 1, source: 'test' }
  })
}

const newKeyring = (previous: Buffer[] = []) => new VaultKeyring(randomBytes(32), previous)

/** De-identifies NOTE and stores its mapping; returns the vault id and the de-identified text. */
async function storeNote(operator: DeidentifyOperator, clinicId: number | null, keyring: VaultKeyring) {
  const result = deidentify(NOTE, spansOf(NOTE, ENTITIES), { operator })
  const id = await storeVaultEntry({ clinicId, operator, replacements: result.replacements, scope: result.scope }, { keyring })
  return { id, text: result.text, scope: result.scope }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

test.group('PHI vault: storing and re-identifying', (group) => {
  group.each.setup(async () => {
    await db.from('phi_vaults').delete()
  })

  test('a tokenized note round-trips: the vault holds only ciphertext and gives every original back', async ({ assert }) => {
    const clinic = await createClinic()
    const keyring = newKeyring()
    const { id, text } = await storeNote('tokenize', clinic.id, keyring)
    assert.equal(text, '[NAME_1] (MRN [MRN_1]) was seen on [DATE_1] and again on [DATE_2]. Call [NAME_2] at [PHONE_1].')

    const row = await db.from('phi_vaults').where('id', id).firstOrFail()
    assert.equal(row.key_id, keyring.activeKeyId)
    assert.equal(row.operator, 'tokenize')
    assert.equal(row.span_count, 6)
    assert.equal(row.created_by, 'system')
    assert.lengthOf(row.iv, 12)
    assert.lengthOf(row.auth_tag, 16)
    for (const [value] of ENTITIES) assert.notInclude(Buffer.from(row.ciphertext).toString('latin1'), value)

    const result = await reidentify(text, id, clinic.id, { keyring })
    assert.equal(result.text, NOTE)
    assert.deepEqual(result.values[0], { type: 'NAME', original: 'Gregory Talbot', replacement: '[NAME_1]' })
  })

  test('tokens in other text (an edited note, a model answer) are replaced wherever they stand', async ({ assert }) => {
    const clinic = await createClinic()
    const keyring = newKeyring()
    const { id } = await storeNote('tokenize', clinic.id, keyring)
    const result = await reidentify('Summary: [NAME_1] ([MRN_1]) improved between [DATE_1] and [DATE_2]; [NAME_3] unknown.', id, clinic.id, { keyring })
    assert.equal(result.text, 'Summary: Gregory Talbot (PHF-204471) improved between 03/14/2024 and 03/20/2024; [NAME_3] unknown.')
  })

  test('surrogates round-trip, and the vault keeps the date shift of the scope', async ({ assert }) => {
    const clinic = await createClinic()
    const keyring = newKeyring()
    const { id, text, scope } = await storeNote('surrogate', clinic.id, keyring)
    assert.notInclude(text, 'Talbot')

    assert.equal((await reidentify(text, id, clinic.id, { keyring })).text, NOTE)
    assert.equal((await readVaultEntry(id, clinic.id, { keyring })).dateShiftDays, scope.dateShiftDays)
    const summary = text.slice(0, text.indexOf(' ('))
    assert.equal((await reidentify(`Seen: ${summary}.`, id, clinic.id, { keyring })).text, 'Seen: Gregory Talbot.')
  })

  test('redacted and masked notes cannot be rebuilt: re-identification lists the original values only', async ({ assert }) => {
    const clinic = await createClinic()
    const keyring = newKeyring()
    for (const operator of ['redact', 'mask'] as const) {
      const { id, text } = await storeNote(operator, clinic.id, keyring)
      const result = await reidentify(text, id, clinic.id, { keyring })
      assert.isNull(result.text)
      assert.deepEqual(
        result.values.map((value) => value.original),
        ENTITIES.map(([value]) => value)
      )
    }
  })

  test("another clinic's vault id, an unknown id and a malformed id all get the same 404", async ({ assert }) => {
    const [owner, other] = [await createClinic(), await createClinic()]
    const keyring = newKeyring()
    const { id, text } = await storeNote('tokenize', owner.id, keyring)
    const system = await storeNote('tokenize', null, keyring)

    for (const [vaultId, clinicId] of [
      [id, other.id],
      [id, null],
      [system.id, owner.id],
      ['00000000-0000-4000-8000-000000000000', owner.id],
      ['not-a-uuid', owner.id],
    ] as const) {
      const error = await rejection(reidentify(text, vaultId, clinicId, { keyring }))
      assert.equal(error.status, 404)
      assert.equal(error.code, 'PHI_VAULT_NOT_FOUND')
      assert.equal(error.message, 'No such vault entry')
    }
    assert.equal((await reidentify(system.text, system.id, null, { keyring })).text, NOTE)
  })

  test('an altered ciphertext, or a row moved to another clinic, fails its integrity check with a clear error', async ({ assert }) => {
    const [clinic, other] = [await createClinic(), await createClinic()]
    const keyring = newKeyring()
    const tampered = await storeNote('tokenize', clinic.id, keyring)
    const row = await db.from('phi_vaults').where('id', tampered.id).firstOrFail()
    const ciphertext = Buffer.from(row.ciphertext)
    ciphertext[0] ^= 1
    await db.from('phi_vaults').where('id', tampered.id).update({ ciphertext })

    const moved = await storeNote('tokenize', clinic.id, keyring)
    await db.from('phi_vaults').where('id', moved.id).update({ clinic_id: other.id })

    for (const [id, clinicId] of [
      [tampered.id, clinic.id],
      [moved.id, other.id],
    ] as const) {
      const error = await rejection(readVaultEntry(id, clinicId, { keyring }))
      assert.equal(error.code, 'PHI_VAULT_INTEGRITY_FAILED')
      assert.equal(error.status, 500)
    }
  })

  test('an entry stored in a transaction that rolls back is not stored', async ({ assert }) => {
    const keyring = newKeyring()
    const trx = await db.transaction()
    await storeVaultEntry({ clinicId: null, operator: 'redact', replacements: [] }, { trx, keyring })
    await trx.rollback()
    assert.lengthOf(await db.from('phi_vaults'), 0)
  })

  test('deleting a clinic deletes its vault entries', async ({ assert }) => {
    const clinic = await createClinic()
    await storeNote('tokenize', clinic.id, newKeyring())
    await clinic.delete()
    assert.lengthOf(await db.from('phi_vaults'), 0)
  })
})

test.group('PHI vault: keys', (group) => {
  group.each.setup(async () => {
    await db.from('phi_vaults').delete()
  })

  test('without PHI_VAULT_KEY the vault refuses to store or read with PHI_VAULT_KEY_MISSING (503)', async ({ assert }) => {
    const clinic = await createClinic()
    const { id } = await storeNote('tokenize', clinic.id, newKeyring())
    const keyless = new VaultKeyring(null)
    for (const attempt of [
      storeVaultEntry({ clinicId: clinic.id, operator: 'redact', replacements: [] }, { keyring: keyless }),
      readVaultEntry(id, clinic.id, { keyring: keyless }),
    ]) {
      const error = await rejection(attempt)
      assert.equal(error.code, 'PHI_VAULT_KEY_MISSING')
      assert.equal(error.status, 503)
    }
    assert.lengthOf(await db.from('phi_vaults'), 1)
  })

  test('keys are checked at boot: a malformed key names its variable, production requires one', ({ assert }) => {
    const short = randomBytes(16).toString('base64')
    assert.throws(() => vaultKeySettings({ activeKey: short, required: false }), /PHI_VAULT_KEY must be the base64 of 32 random bytes \(got 16 bytes\)/)
    assert.throws(() => vaultKeySettings({ activeKey: 'not base64!', required: false }), /PHI_VAULT_KEY must be/)
    assert.throws(
      () => vaultKeySettings({ activeKey: randomBytes(32).toString('base64'), previousKeys: `${randomBytes(32).toString('base64')},${short}`, required: false }),
      /PHI_VAULT_PREVIOUS_KEYS \(key 2\) must be/
    )
    assert.throws(() => vaultKeySettings({ activeKey: '', required: true }), /PHI_VAULT_KEY is required in production/)
    assert.isNull(vaultKeySettings({ activeKey: undefined, required: false }).activeKey)
    assert.lengthOf(vaultKeySettings({ activeKey: randomBytes(32).toString('base64url'), required: true }).activeKey!.release(), 32)
  })

  test('key material is never shown: keyrings and settings print key ids only', ({ assert }) => {
    const key = randomBytes(32)
    const keyring = new VaultKeyring(key)
    const settings = vaultKeySettings({ activeKey: key.toString('base64'), required: false })
    for (const shown of [inspect(keyring), JSON.stringify(keyring), inspect(settings), JSON.stringify(settings)]) {
      assert.notInclude(shown, key.toString('base64'))
      assert.notInclude(shown, key.toString('hex'))
    }
    assert.include(inspect(keyring), vaultKeyId(key))
    assert.equal(configuredVaultKeyring().activeKeyId, vaultKeyId(privacyConfig.vault.activeKey!.release()))
  })

  test('after a key change, old entries stay readable through PHI_VAULT_PREVIOUS_KEYS until rotation re-encrypts them', async ({ assert }) => {
    const clinic = await createClinic()
    const oldKey = randomBytes(32)
    const before = new VaultKeyring(oldKey)
    const notes = [await storeNote('tokenize', clinic.id, before), await storeNote('surrogate', clinic.id, before), await storeNote('tokenize', null, before)]

    const newKey = randomBytes(32)
    const after = new VaultKeyring(newKey, [oldKey])
    const clinicOf = (note: (typeof notes)[number]) => (note === notes[2] ? null : clinic.id)
    for (const note of notes) assert.equal((await reidentify(note.text, note.id, clinicOf(note), { keyring: after })).text, NOTE)

    const report = await rotateVaultKeys({ keyring: after, batchSize: 2 })
    assert.deepEqual(report, { activeKeyId: after.activeKeyId!, reencrypted: 3, current: 3, unknownKeys: [], failedIds: [] })
    const rows = await db.from('phi_vaults').select('key_id')
    assert.deepEqual(rows.map((row) => row.key_id), Array(3).fill(after.activeKeyId))

    const newKeyOnly = new VaultKeyring(newKey)
    for (const note of notes) assert.equal((await reidentify(note.text, note.id, clinicOf(note), { keyring: newKeyOnly })).text, NOTE)
    const error = await rejection(readVaultEntry(notes[0].id, clinic.id, { keyring: before }))
    assert.equal(error.code, 'PHI_VAULT_KEY_UNKNOWN')
    assert.include(error.message, after.activeKeyId!)
    assert.equal((await rotateVaultKeys({ keyring: after })).reencrypted, 0, 'a second run has nothing left to do')
  })

  test('rotation leaves entries under unknown keys and entries that fail their check, and reports both', async ({ assert }) => {
    const clinic = await createClinic()
    const oldKey = randomBytes(32)
    const stranger = new VaultKeyring(randomBytes(32))
    await storeNote('tokenize', clinic.id, stranger)
    const good = await storeNote('tokenize', clinic.id, new VaultKeyring(oldKey))
    const broken = await storeNote('tokenize', clinic.id, new VaultKeyring(oldKey))
    await db.from('phi_vaults').where('id', broken.id).update({ auth_tag: randomBytes(16) })

    const keyring = newKeyring([oldKey])
    const report = await rotateVaultKeys({ keyring })
    assert.equal(report.reencrypted, 1)
    assert.deepEqual(report.unknownKeys, [{ keyId: stranger.activeKeyId!, entries: 1 }])
    assert.deepEqual(report.failedIds, [broken.id])
    assert.equal((await reidentify(good.text, good.id, clinic.id, { keyring })).text, NOTE)
  })
})

test.group('node ace keys:rotate-phi', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(async () => {
    await db.from('phi_vaults').delete()
  })

  async function run() {
    const command = await ace.create(KeysRotatePhi, [])
    await command.exec()
    return command
  }

  test('re-encrypts entries under PHI_VAULT_PREVIOUS_KEYS with PHI_VAULT_KEY and prints counts and key ids only', async ({ assert }) => {
    const clinic = await createClinic()
    const previousKey = privacyConfig.vault.previousKeys[0].release()
    const notes = [await storeNote('tokenize', clinic.id, new VaultKeyring(previousKey)), await storeNote('tokenize', clinic.id, new VaultKeyring(previousKey))]

    const command = await run()
    assert.equal(command.exitCode, 0)
    const activeKeyId = configuredVaultKeyring().activeKeyId
    command.assertLogMatches(new RegExp(`Active key ${activeKeyId}: re-encrypted 2 entries; 2 entries are under it`))
    for (const note of notes) assert.equal((await reidentify(note.text, note.id, clinic.id)).text, NOTE)
    const logs = JSON.stringify(command.logger.getLogs())
    assert.notInclude(logs, previousKey.toString('base64'))
    assert.notInclude(logs, 'Talbot')
  })

  test('exits 1 and names the key when entries are under a key it does not have', async ({ assert }) => {
    const clinic = await createClinic()
    const stranger = new VaultKeyring(randomBytes(32))
    await storeNote('tokenize', clinic.id, stranger)

    const command = await run()
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(new RegExp(`1 entry is encrypted under key ${stranger.activeKeyId}, which is not configured`), 'stderr')
  })
})
