import type { HttpContext } from '@adonisjs/core/http'
import { getReadiness } from '#platform/services/get_readiness'

export default class HealthController {
  /** Liveness: the process answers HTTP. No dependencies are checked. */
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** Readiness: every dependency the appliance needs; 503 when one fails. */
  async ready({ response }: HttpContext) {
    const readiness = await getReadiness()
    return response.status(readiness.status === 'error' ? 503 : 200).json(readiness)
  }
}
