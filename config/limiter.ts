import { defineConfig, stores } from '@adonisjs/limiter'

/* Rate limits live in PostgreSQL (table `rate_limits`), shared by every web replica. */
const limiterConfig = defineConfig({
  default: 'database',
  stores: {
    database: stores.database({ tableName: 'rate_limits' }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
