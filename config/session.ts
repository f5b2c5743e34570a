import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
| Console sessions live in PostgreSQL (table `sessions`). The cookie is
| HttpOnly, SameSite=Lax and Secure in production. Idle logoff (HIPAA
| automatic logoff) is enforced by the identity module on top of this:
| see SESSION_IDLE_MINUTES.
*/
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'clinibox-session',
  clearWithBrowser: true,
  age: `${env.get('SESSION_IDLE_MINUTES', 15)}m`,
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('NODE_ENV') === 'test' ? 'memory' : 'database',
  stores: {
    database: stores.database({ tableName: 'sessions' }),
  },
})

export default sessionConfig
