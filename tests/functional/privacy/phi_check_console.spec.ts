import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createClinic, createUser } from '#tests/helpers/identity'
import { inertiaPage, loginAsAdmin } from '#tests/helpers/console'
import { invalidateDictionaries } from '#privacy/reference/load_dictionaries'

test.group('Console: PHI check page', (group) => {
  group.each.setup(async () => {
    await db.from('reference_packs').delete()
    invalidateDictionaries()
  })

  test('shows the operators and warns that recall is reduced without a reference pack', async ({ client, assert }) => {
    const clinician = await createUser({ role: 'clinician', clinic: await createClinic() })
    const response = await loginAsAdmin(client.get('/phi'), clinician)
    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'privacy/phi_check')
    assert.deepEqual(props.operators, ['redact', 'mask', 'tokenize', 'surrogate'])
    assert.isTrue(props.referenceData.builtIn)
    assert.isTrue(props.canReidentify)
  })

  test('its JSON actions answer the page’s fetch with JSON, errors included, from the console session', async ({ client, assert }) => {
    const clinician = await createUser({ role: 'clinician', clinic: await createClinic() })
    const detected = await loginAsAdmin(client.post('/phi/detect'), clinician).header('accept', 'application/json').json({ text: 'Seen by Dr. Maren Ostrowski on 01/16/2024.' })
    detected.assertStatus(200)
    assert.containsSubset(detected.body().phi, [{ type: 'DATE', text: '01/16/2024' }])

    const refused = await loginAsAdmin(client.post('/phi/deidentify'), clinician).header('accept', 'application/json').json({ text: 'x', operator: 'shred' })
    refused.assertStatus(422)
    refused.assertBodyContains({ error: { code: 'PHI_UNKNOWN_OPERATOR' } })
  })
})
