import type { HttpContext } from '@adonisjs/core/http'
import { z } from 'zod'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/index'
import { sendPing } from '#platform/services/send_ping'
import { getPing } from '#platform/services/get_ping'

const storeSchema = {
  body: z.strictObject({
    message: z.string().max(200).optional(),
    holdMs: z.number().int().min(0).max(30_000).optional(),
  }),
}
const showSchema = { params: z.strictObject({ id: z.uuid() }) }

/** Round trips through the job system, for checking a deployment end to end. */
export default class SystemPingsController {
  async store(ctx: HttpContext) {
    authorize(ctx, 'system.diagnostics')
    const { body } = validateRequest(ctx, storeSchema)
    const id = await sendPing(body)
    return ctx.response.accepted({ ping: { id, state: 'created' } })
  }

  async show(ctx: HttpContext) {
    authorize(ctx, 'system.diagnostics')
    const { params } = validateRequest(ctx, showSchema)
    return { ping: await getPing(params.id) }
  }
}
