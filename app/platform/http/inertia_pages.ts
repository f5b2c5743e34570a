import type { Readiness } from '#platform/services/get_readiness'

/*
| Console pages rendered by this module and the props each receives. The
| React page under resources/pages/ declares the same props.
*/
declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'platform/status': { readiness: Readiness }
  }
}
