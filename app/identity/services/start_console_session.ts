import type { HttpContext } from '@adonisjs/core/http'
import { SESSION_KEYS } from '#identity/services/session_keys'
import type User from '#identity/models/user'

/**
 * Signs the user in to the console: session login, the idle clock started,
 * and the session tagged with the user so an admin who disables the account
 * can end all of its sessions.
 */
export async function startConsoleSession(ctx: HttpContext, user: User, options: { twoFactorPassed: boolean; clinicId?: number }) {
  await ctx.auth.use('web').login(user)
  ctx.session.put(SESSION_KEYS.lastSeenAt, Date.now())
  if (options.twoFactorPassed) ctx.session.put(SESSION_KEYS.twoFactorPassed, true)
  if (options.clinicId !== undefined) ctx.session.put(SESSION_KEYS.clinicId, options.clinicId)
  await ctx.session.tag(String(user.id))
}
