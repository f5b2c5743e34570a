import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  /* Everything the console loads comes from this server. */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@viteDevUrl'],
      styleSrc: [`'self'`, `'unsafe-inline'`, '@viteDevUrl'],
      imgSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, '@viteHmrUrl'],
      fontSrc: [`'self'`, 'data:'],
      objectSrc: [`'none'`],
      frameAncestors: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
    },
    reportOnly: false,
  },
  /* Console forms carry a CSRF token; the token-authenticated API does not use cookies. */
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => ctx.request.url().startsWith('/api/') || ctx.request.url().startsWith('/health'),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  /* Only sent over HTTPS (behind the site's TLS proxy). */
  hsts: { enabled: app.inProduction, maxAge: '180 days', includeSubDomains: true },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
