import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { TEST_PASSWORD } from '#tests/helpers/identity'
import { totpCode } from '#tests/helpers/console'

const ADMIN = { email: 'admin@harbor.test', name: 'Ada Admin', password: 'quiet-meadow-compass-88' }
const CLINICIAN = { email: 'cleo@harbor.test', name: 'Cleo Clinician' }

/** Picks an option of a Mantine Select by its visible label. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL('**/login')
}

test.group('From first run to an audited sign-in (browser)', (group) => {
  group.setup(async () => {
    // The first-run page exists only on an empty appliance.
    await db.from('users').delete()
    await db.from('clinics').delete()
    await db.from('rate_limits').delete()
  })

  test('an admin sets up Clinibox, adds a clinician who sees only their clinic, and finds both in the audit log', async ({
    visit,
    assert,
  }) => {
    // First run: the one-time setup page creates the super admin and the first clinic.
    const page = await visit('/login')
    await page.waitForURL('**/setup')
    await page.getByTestId('setup-email').fill(ADMIN.email)
    await page.getByTestId('setup-full-name').fill(ADMIN.name)
    await page.getByTestId('setup-password').fill(ADMIN.password)
    await page.getByTestId('setup-password-confirmation').fill(ADMIN.password)
    await page.getByTestId('setup-clinic-name').fill('Harbor Clinic')
    await page.getByTestId('setup-submit').click()

    // Admins must set up two-factor authentication before anything else.
    await page.waitForURL('**/account/two-factor')
    const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim()
    await page.getByTestId('enable-two-factor-code').fill(totpCode(secret))
    await page.getByTestId('enable-two-factor-submit').click()
    await page.getByTestId('enable-two-factor-form').waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('two-factor-status').textContent(), 'on')

    // A second clinic, so there is something the clinician must not see.
    await page.goto('/admin/clinics')
    await page.getByTestId('clinic-name').fill('Northside Clinic')
    await page.getByTestId('clinic-time-zone').fill('America/Chicago')
    await page.keyboard.press('Escape')
    await page.getByTestId('create-clinic-submit').click()
    await page.getByTestId('clinic-row-Northside Clinic').waitFor()

    // A clinician in Harbor Clinic.
    await page.goto('/admin/users/create')
    await page.getByTestId('user-email').fill(CLINICIAN.email)
    await page.getByTestId('user-full-name').fill(CLINICIAN.name)
    await page.getByTestId('user-password').fill(TEST_PASSWORD)
    await choose(page, 'user-clinic', 'Harbor Clinic')
    await choose(page, 'user-role', 'clinician')
    await page.getByTestId('create-user-submit').click()
    await page.waitForURL('**/admin/users/*/edit')
    await signOut(page)

    // The clinician signs in and sees only Harbor Clinic.
    await signIn(page, CLINICIAN.email, TEST_PASSWORD)
    await page.waitForURL('**/dashboard')
    await page.getByTestId('dashboard-clinic').waitFor()
    assert.include(await page.getByTestId('dashboard-clinic').textContent(), 'Harbor Clinic')
    await page.getByTestId('clinic-switcher').click()
    const clinicOptions = await page.getByRole('option').allTextContents()
    assert.deepEqual(clinicOptions, ['Harbor Clinic'])
    await page.keyboard.press('Escape')
    assert.notInclude(await page.locator('nav').textContent(), 'Audit log')
    await signOut(page)

    // The admin signs in again (password, then code) and finds both actions in the audit log.
    await signIn(page, ADMIN.email, ADMIN.password)
    await page.waitForURL('**/login/two-factor')
    await page.getByTestId('two-factor-code').fill(totpCode(secret))
    await page.getByTestId('two-factor-submit').click()
    await page.waitForURL('**/dashboard')

    await page.goto('/admin/audit?action=user.create')
    await page.getByTestId('audit-action').first().waitFor()
    const created = await page.getByTestId('audit-action').allTextContents()
    assert.include(created, 'user.create')

    await page.goto(`/admin/audit?actor=${encodeURIComponent(CLINICIAN.email)}&action=auth.login`)
    await page.getByTestId('audit-action').first().waitFor()
    const logins = await page.getByTestId('audit-action').allTextContents()
    assert.isAbove(logins.length, 0)
    assert.isTrue(logins.every((action) => action === 'auth.login'))
  }).timeout(120_000)
})
