import { AppError } from '#kernel/index'
import type { ModelKind, ModelTask } from '#ai/inference/serving_manifest'

/** Which kinds of model can serve each task. */
export const KINDS_FOR_TASK: Record<ModelTask, readonly ModelKind[]> = {
  'chat': ['gguf-llm'],
  'coding-review': ['gguf-llm'],
  'phi-ner': ['onnx-token-classification'],
  'clinical-ner': ['onnx-token-classification'],
  'embeddings': ['gguf-embedding', 'onnx-feature-extraction'],
}

/** What a task uses when no model is assigned to it. */
export const FALLBACK_FOR_TASK: Record<ModelTask, 'rules' | 'hashing' | 'retrieval'> = {
  'chat': 'retrieval',
  'coding-review': 'rules',
  'phi-ner': 'rules',
  'clinical-ner': 'rules',
  'embeddings': 'hashing',
}

export function assertKindServesTask(kind: ModelKind, task: ModelTask) {
  if (!KINDS_FOR_TASK[task].includes(kind)) {
    throw AppError.unprocessable('AI_WRONG_TASK', `A ${kind} model cannot serve the ${task} task; it needs ${KINDS_FOR_TASK[task].join(' or ')}.`, {
      kind,
      task,
      allowedKinds: KINDS_FOR_TASK[task],
    })
  }
}
