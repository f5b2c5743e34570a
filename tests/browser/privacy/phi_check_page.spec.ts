import { test } from '@japa/runner'
import { createClinic, createUser } from '#tests/helpers/identity'

test.group('PHI check page', () => {
  test('a clinician pastes a note, sees its PHI highlighted and tokenized, and re-identifies it', async ({ browserContext, visit, assert }) => {
    const clinician = await createUser({ role: 'clinician', clinic: await createClinic() })
    await browserContext.loginAs(clinician)
    await browserContext.setSession({ 'identity.twoFactorPassed': true })

    const page = await visit('/phi')
    await page.assertTitle('PHI check · Clinibox')
    const note = 'Patient: Gregory Talbot   DOB: 10/21/1966\nBP 128/78, A1c 6.1.'
    await page.getByTestId('phi-text').fill(note)
    await page.getByTestId('phi-check').click()

    await page.assertTextContains('[data-testid="phi-deidentified"]', '[NAME_1]')
    assert.equal(await page.locator('[data-testid="phi-highlighted"] mark[data-phi-type="NAME"]').first().textContent(), 'Gregory Talbot')
    assert.equal(await page.locator('[data-testid="phi-highlighted"] mark[data-phi-type="DATE"]').first().textContent(), '10/21/1966')
    await page.assertTextContains('[data-testid="phi-deidentified"]', 'BP 128/78')

    await page.getByTestId('phi-reidentify').click()
    await page.assertTextContains('[data-testid="phi-restored"]', 'Gregory Talbot')
  })
})
