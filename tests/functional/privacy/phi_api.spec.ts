import { test } from '@japa/runner'
import { createAccessToken, createClinic, createUser } from '#tests/helpers/identity'
import { countRows, lastAuditEvent } from '#tests/helpers/console'

const NOTE = [
  'Patient: Gregory Talbot     DOB: 10/21/1966     MRN: PHF-204471',
  'Seen 01/16/2024 by Dr. Maren Ostrowski at Pine Hollow Family Medicine, 318 Depot Street, Boone, NC 28607.',
  'Call (828) 555-0142 or email g.talbot@example.com. BP 128/78, A1c 6.1, lisinopril 20 mg. Parkinson disease in his father.',
].join('\n')

async function clinicianToken(clinic = undefined as Awaited<ReturnType<typeof createClinic>> | undefined) {
  const user = await createUser({ role: 'clinician', clinic: clinic ?? (await createClinic()) })
  return createAccessToken(user)
}

test.group('PHI API: detect', () => {
  test('finds the PHI with types, code-point offsets and sources, and returns the redacted text', async ({ client, assert }) => {
    const response = await client.post('/api/v1/phi/detect').bearerToken(await clinicianToken()).json({ text: NOTE })
    response.assertStatus(200)
    const { phi, redacted, engine } = response.body()
    const found = phi.map((span: { type: string; text: string }) => `${span.type}:${span.text}`)
    for (const expected of ['NAME:Gregory Talbot', 'DATE:10/21/1966', 'MRN:PHF-204471', 'DATE:01/16/2024', 'NAME:Maren Ostrowski', 'ZIP:28607']) {
      assert.include(found, expected)
    }
    assert.notInclude(redacted, 'Talbot')
    assert.notInclude(redacted, '555-0142')
    for (const clinical of ['BP 128/78', 'A1c 6.1', 'lisinopril 20 mg', 'Parkinson']) assert.include(redacted, clinical)
    for (const span of phi) assert.equal(Array.from(NOTE).slice(span.start, span.end).join(''), span.text)
    assert.equal(engine.rules, 'rules-v1')
  })

  test('offsets are Unicode code points, also after astral characters', async ({ client, assert }) => {
    const text = '😀 Patient: Gregory Talbot, seen 01/16/2024.'
    const response = await client.post('/api/v1/phi/detect').bearerToken(await clinicianToken()).json({ text })
    const date = response.body().phi.find((span: { type: string }) => span.type === 'DATE')
    assert.equal(Array.from(text).slice(date.start, date.end).join(''), '01/16/2024')
    assert.equal(date.start, Array.from(text).join('').indexOf('01/16/2024') - 1)
  })

  const refusals = [
    { title: 'empty text', body: { text: '' }, status: 422, code: 'VALIDATION_FAILED' },
    { title: 'text with U+FFFD (bytes that were not UTF-8)', body: { text: 'Patient \uFFFD name' }, status: 422, code: 'PHI_TEXT_NOT_UTF8' },
    { title: 'text over the maximum', body: { text: 'a'.repeat(500_001) }, status: 413, code: 'PHI_TEXT_TOO_LARGE' },
    { title: 'unknown fields', body: { text: 'x', extra: true }, status: 422, code: 'VALIDATION_FAILED' },
    { title: 'a missing text', body: {}, status: 422, code: 'VALIDATION_FAILED' },
  ]
  for (const refusal of refusals) {
    test(`refuses ${refusal.title} with ${refusal.status} ${refusal.code}`, async ({ client }) => {
      const response = await client.post('/api/v1/phi/detect').bearerToken(await clinicianToken()).json(refusal.body)
      response.assertStatus(refusal.status)
      response.assertBodyContains({ error: { code: refusal.code } })
    })
  }

  test('a body whose bytes are not UTF-8 is refused', async ({ assert }) => {
    const bytes = Buffer.concat([Buffer.from('{"text":"Patient '), Buffer.from([0xff, 0xfe]), Buffer.from(' Talbot"}')])
    const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/v1/phi/detect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await clinicianToken()}` },
      body: bytes,
    })
    assert.equal(response.status, 422)
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'PHI_TEXT_NOT_UTF8')
  })

  test('a role without phi.detect is refused with 403', async ({ client }) => {
    const frontDesk = await createUser({ role: 'front_desk', clinic: await createClinic() })
    const response = await client.post('/api/v1/phi/detect').bearerToken(await createAccessToken(frontDesk)).json({ text: NOTE })
    response.assertStatus(403)
  })
})

test.group('PHI API: de-identify and re-identify', () => {
  test('tokenizes, keeps the mapping in the vault (audited without PHI), and re-identifies for the same clinic', async ({ client, assert }) => {
    const clinic = await createClinic()
    const token = await clinicianToken(clinic)
    const response = await client.post('/api/v1/phi/deidentify').bearerToken(token).json({ text: NOTE, operator: 'tokenize' })
    response.assertStatus(200)
    const { text, vaultId, replaced } = response.body()
    assert.include(text, '[NAME_1]')
    assert.notInclude(text, 'Gregory')
    assert.isAbove(replaced.NAME, 1)
    const audit = await lastAuditEvent('phi.deidentified')
    assert.equal(audit.resource_id, vaultId)
    assert.notInclude(JSON.stringify(audit), 'Talbot')

    const back = await client.post('/api/v1/phi/reidentify').bearerToken(token).json({ vaultId, text })
    back.assertStatus(200)
    assert.equal(back.body().text, NOTE)
    assert.deepInclude(await lastAuditEvent('phi.reidentified'), { resource_id: vaultId, outcome: 'success' })
  })

  test('another clinic’s vault answers 404 (audited), the same as an unknown one', async ({ client, assert }) => {
    const token = await clinicianToken()
    const { vaultId, text } = (await client.post('/api/v1/phi/deidentify').bearerToken(token).json({ text: NOTE, operator: 'tokenize' })).body()

    const other = await client.post('/api/v1/phi/reidentify').bearerToken(await clinicianToken()).json({ vaultId, text })
    other.assertStatus(404)
    other.assertBodyContains({ error: { code: 'PHI_VAULT_NOT_FOUND' } })
    assert.deepInclude(await lastAuditEvent('phi.reidentified'), { resource_id: vaultId, outcome: 'failure' })
  })

  test('re-identification needs phi.reidentify: a coder gets 403', async ({ client }) => {
    const coder = await createUser({ role: 'coder', clinic: await createClinic() })
    const response = await client
      .post('/api/v1/phi/reidentify')
      .bearerToken(await createAccessToken(coder))
      .json({ vaultId: '00000000-0000-4000-8000-000000000000', text: 'x' })
    response.assertStatus(403)
  })

  test('an unknown operator is 422 PHI_UNKNOWN_OPERATOR and stores nothing', async ({ client, assert }) => {
    const before = await countRows('phi_vaults')
    const response = await client.post('/api/v1/phi/deidentify').bearerToken(await clinicianToken()).json({ text: NOTE, operator: 'shred' })
    response.assertStatus(422)
    response.assertBodyContains({ error: { code: 'PHI_UNKNOWN_OPERATOR' } })
    assert.equal(await countRows('phi_vaults'), before)
  })

  test('every operator replaces the PHI', async ({ client, assert }) => {
    const token = await clinicianToken()
    for (const operator of ['redact', 'mask', 'tokenize', 'surrogate']) {
      const { text } = (await client.post('/api/v1/phi/deidentify').bearerToken(token).json({ text: NOTE, operator })).body()
      assert.notInclude(text, 'Gregory Talbot', operator)
      assert.notInclude(text, 'PHF-204471', operator)
      assert.include(text, 'BP 128/78', operator)
    }
  })
})
