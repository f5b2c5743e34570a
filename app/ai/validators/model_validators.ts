import { z } from 'zod'
import { MODEL_TASKS } from '#ai/inference/serving_manifest'

const modelId = z.coerce.number().int().positive()

export const modelParamsSchema = { params: z.strictObject({ id: modelId }), body: z.strictObject({}) }

/** Verifying takes no input; unknown fields are refused like everywhere else. */
export const verifyAllSchema = { body: z.strictObject({}) }

export const addModelSchema = {
  body: z.strictObject({
    path: z.string().trim().min(1).max(1000),
    name: z.string().trim().min(1).max(100).optional(),
    task: z.enum(MODEL_TASKS).optional(),
  }),
}

/** `modelId: null` returns the task to its built-in fallback. */
export const assignTaskSchema = {
  body: z.strictObject({
    task: z.enum(MODEL_TASKS),
    modelId: modelId.nullable(),
  }),
}
