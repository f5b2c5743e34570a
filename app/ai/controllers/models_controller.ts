import '#ai/http/inertia_pages'
import type { HttpContext } from '@adonisjs/core/http'
import storageConfig from '#config/storage'
import { validateRequest } from '#kernel/index'
import { auditContext, authorize } from '#platform/index'
import { listModels } from '#ai/registry/list_models'
import { addModel } from '#ai/registry/add_model'
import { verifyModels } from '#ai/registry/verify_models'
import { assignModelTask } from '#ai/registry/assign_model_task'
import { removeModel } from '#ai/registry/remove_model'
import { inferenceEndpoint } from '#ai/services/local_inference'
import { addModelSchema, assignTaskSchema, modelParamsSchema, verifyAllSchema } from '#ai/validators/model_validators'

/** Console "Models": list, add, verify, assign to tasks, remove (ai.models.manage). */
export default class ModelsController {
  async index(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    return ctx.inertia.render('ai/models', {
      ...(await listModels()),
      inference: inferenceEndpoint().status(),
      modelsPath: storageConfig.modelsPath,
    })
  }

  async store(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    const { body } = validateRequest(ctx, addModelSchema)
    const model = await addModel(body, auditContext(ctx))
    ctx.session.flash('success', `Model ${model.name} added (${model.kind})`)
    return ctx.response.redirect().toPath('/admin/models')
  }

  async verify(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    validateRequest(ctx, verifyAllSchema)
    const results = await verifyModels(auditContext(ctx))
    const broken = results.filter((result) => result.status === 'broken')
    if (broken.length > 0) ctx.session.flash('error', `Broken: ${broken.map((result) => `${result.name} (${result.reason})`).join('; ')}`)
    else ctx.session.flash('success', `${results.length} model(s) verified: all files match their checksums`)
    return ctx.response.redirect().toPath('/admin/models')
  }

  async verifyOne(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    const { params } = validateRequest(ctx, modelParamsSchema)
    const [result] = await verifyModels(auditContext(ctx), { modelId: params.id })
    if (result.status === 'broken') ctx.session.flash('error', `${result.name} is broken: ${result.reason}`)
    else ctx.session.flash('success', `${result.name}: all files match their checksums`)
    return ctx.response.redirect().toPath('/admin/models')
  }

  async assign(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    const { body } = validateRequest(ctx, assignTaskSchema)
    await assignModelTask(body, auditContext(ctx))
    ctx.session.flash('success', body.modelId === null ? `${body.task} now uses its built-in fallback` : `Task ${body.task} assigned`)
    return ctx.response.redirect().toPath('/admin/models')
  }

  async destroy(ctx: HttpContext) {
    authorize(ctx, 'ai.models.manage')
    const { params } = validateRequest(ctx, modelParamsSchema)
    await removeModel(params.id, auditContext(ctx))
    ctx.session.flash('success', 'Model removed; its files are still in the models folder')
    return ctx.response.redirect().toPath('/admin/models')
  }
}
