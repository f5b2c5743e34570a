import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'

/**
 * Ends every console session tagged with the user (sign-in tags sessions
 * when the store supports it). The console middleware also turns away
 * disabled users on their next request, so this is belt and braces.
 */
export async function endUserSessions(userId: number): Promise<number> {
  const sessions = await app.container.make(SessionCollection)
  if (!sessions.supportsTagging()) return 0
  const tagged = await sessions.tagged(String(userId))
  for (const session of tagged) await sessions.destroy(session.id)
  return tagged.length
}
