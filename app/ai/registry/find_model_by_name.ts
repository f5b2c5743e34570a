import { AppError } from '#kernel/index'
import AiModel from '#ai/models/ai_model'

/** The registered model with this name, or AI_MODEL_NOT_FOUND (404). */
export async function findModelByName(name: string): Promise<AiModel> {
  const model = await AiModel.findBy('name', name)
  if (!model) throw AppError.notFound('AI_MODEL_NOT_FOUND', `No model named ${name}.`)
  return model
}
