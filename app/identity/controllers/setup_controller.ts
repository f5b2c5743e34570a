import '#identity/http/inertia_pages_auth'
import { errors, type HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { setupSchema } from '#identity/validators/auth_validators'
import { isFirstRun, SetupClosed, setupFirstRun } from '#identity/services/setup_first_run'
import { requestMeta } from '#identity/services/request_meta'
import { startConsoleSession } from '#identity/services/start_console_session'

/**
 * First run: a one-time page that creates the first super_admin and the
 * first clinic. Once any user exists, /setup does not exist (404).
 */
export default class SetupController {
  async show(ctx: HttpContext) {
    if (!(await isFirstRun())) throw notFound(ctx)
    /* The ICU list leaves out UTC itself. */
    const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]
    return ctx.inertia.render('identity/setup', { timeZones, defaultTimeZone: 'UTC' })
  }

  async store(ctx: HttpContext) {
    if (!(await isFirstRun())) throw notFound(ctx)
    const { body } = validateRequest(ctx, setupSchema)

    let created
    try {
      created = await setupFirstRun(body, requestMeta(ctx))
    } catch (error) {
      if (error instanceof SetupClosed) throw notFound(ctx)
      throw error
    }

    await startConsoleSession(ctx, created.user, { twoFactorPassed: false, clinicId: created.clinic.id })
    ctx.session.flash('success', 'Clinibox is set up. Administrators must use two-factor authentication: set it up now.')
    return ctx.response.redirect('/account/two-factor')
  }
}

/** The same answer as a path that does not exist. */
function notFound({ request }: HttpContext) {
  return new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
}
