import '#platform/http/inertia_pages'
import type { HttpContext } from '@adonisjs/core/http'
import { getReadiness } from '#platform/services/get_readiness'

export default class StatusPageController {
  /** The public console status page: version and readiness checks. */
  async show({ inertia }: HttpContext) {
    return inertia.render('platform/status', { readiness: await getReadiness() })
  }
}
