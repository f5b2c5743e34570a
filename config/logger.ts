import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

/*
| Structured JSON logs in production, pretty lines in development. Request
| logs carry the request id; bodies and headers are never logged (no PHI).
*/
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'clinibox',
      level: env.get('LOG_LEVEL'),
      redact: {
        paths: ['password', '*.password', 'authorization', '*.authorization', 'headers', 'body', '*.body'],
        remove: true,
      },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty())
          .pushIf(app.inProduction, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
