import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import { recordAuditEvent } from '#audit/index'
import { createClinic, createUser } from '#tests/helpers/identity'

test.group('Audit log page', () => {
  test('shows the clinic’s events with their action, filters them and offers the CSV export', async ({ browserContext, visit, assert }) => {
    const prefix = `browser_${randomBytes(4).toString('hex')}`
    const clinic = await createClinic()
    const otherClinic = await createClinic()
    const auditor = await createUser({ role: 'auditor', clinic })
    const actor = { type: 'user' as const, id: '1', label: 'alice@clinic.test' }
    const created = await recordAuditEvent({ action: `${prefix}.user.create`, outcome: 'success', actor, clinicId: clinic.id, resourceType: 'user', resourceId: 5 })
    const denied = await recordAuditEvent({ action: `${prefix}.clinic.update`, outcome: 'denied', actor, clinicId: clinic.id })
    const elsewhere = await recordAuditEvent({ action: `${prefix}.user.create`, outcome: 'success', actor, clinicId: otherClinic.id })

    await browserContext.loginAs(auditor)
    const page = await visit(`/admin/audit?action=${prefix}.`)
    await page.assertTitle('Audit log · Clinibox')
    await page.assertTextContains(`[data-testid="audit-row-${created.id}"]`, `${prefix}.user.create`)
    await page.assertTextContains(`[data-testid="audit-row-${created.id}"]`, 'user #5')
    await page.assertTextContains(`[data-testid="audit-row-${denied.id}"]`, `${prefix}.clinic.update`)
    assert.equal(await page.locator(`[data-testid="audit-row-${elsewhere.id}"]`).count(), 0, 'another clinic’s event is not shown')
    assert.equal(await page.locator('[data-testid="audit-export"]').getAttribute('href'), `/admin/audit/export.csv?action=${prefix}.`)

    await page.getByLabel('Outcome').selectOption('denied')
    await page.locator('[data-testid="audit-apply"]').click()
    await page.waitForURL(/outcome=denied/)
    await page.assertTextContains(`[data-testid="audit-row-${denied.id}"]`, `${prefix}.clinic.update`)
    assert.equal(await page.locator(`[data-testid="audit-row-${created.id}"]`).count(), 0)
    assert.include(await page.locator('[data-testid="audit-export"]').getAttribute('href'), 'outcome=denied')

    const download = page.waitForEvent('download')
    await page.locator('[data-testid="audit-export"]').click()
    assert.match((await download).suggestedFilename(), /^audit-\d{4}-\d{2}-\d{2}\.csv$/)
  })

  test('bad filters in the address bring back the unfiltered log with an error', async ({ browserContext, visit }) => {
    const auditor = await createUser({ role: 'auditor', clinic: await createClinic() })
    await browserContext.loginAs(auditor)
    const page = await visit('/admin/audit?from=not-a-date')
    await page.waitForURL(/\/admin\/audit$/)
    await page.assertTextContains('[data-testid="flash-error"]', 'The audit log filters are invalid (from)')
  })
})
