import { readdir } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import storageConfig from '#config/storage'
import { MODEL_TASKS, type ModelKind, type ModelTask } from '#ai/inference/serving_manifest'
import AiModel, { type ModelStatus } from '#ai/models/ai_model'
import { FALLBACK_FOR_TASK, KINDS_FOR_TASK } from '#ai/registry/model_tasks'

export type ModelView = {
  id: number
  name: string
  kind: ModelKind
  path: string
  sizeBytes: number
  sha256: string
  version: string
  licence: string | null
  status: ModelStatus
  statusReason: string | null
  verifiedAt: string
  createdAt: string
  tasks: ModelTask[]
}

export type TaskView = {
  task: ModelTask
  allowedKinds: ModelKind[]
  /** The assigned model's name; null when the task runs on its fallback. */
  model: string | null
  modelStatus: ModelStatus | null
  /** What produces results now: the model, or `rules` / `hashing` / `retrieval`. */
  engine: string
}

export type ModelRegistryView = {
  models: ModelView[]
  tasks: TaskView[]
  /** Files and folders in MODELS_PATH not registered yet, to offer in "Add". */
  unregistered: string[]
}

export async function listModels(): Promise<ModelRegistryView> {
  const models = await AiModel.query().orderBy('name')
  const assignments: { task: ModelTask; model_id: number }[] = await db.from('ai_task_assignments').select('task', 'model_id')

  const views: ModelView[] = models.map((model) => ({
    id: model.id,
    name: model.name,
    kind: model.kind,
    path: model.path,
    sizeBytes: model.sizeBytes,
    sha256: model.sha256,
    version: model.version,
    licence: model.licence,
    status: model.status,
    statusReason: model.statusReason,
    verifiedAt: model.verifiedAt.toISO()!,
    createdAt: model.createdAt.toISO()!,
    tasks: assignments.filter((row) => row.model_id === model.id).map((row) => row.task),
  }))

  const tasks: TaskView[] = MODEL_TASKS.map((task) => {
    const assigned = views.find((model) => model.tasks.includes(task)) ?? null
    const usable = assigned?.status === 'ready'
    return {
      task,
      allowedKinds: [...KINDS_FOR_TASK[task]],
      model: assigned?.name ?? null,
      modelStatus: assigned?.status ?? null,
      engine: usable ? `${assigned.name}@${assigned.version}` : FALLBACK_FOR_TASK[task],
    }
  })

  const registered = new Set(views.map((model) => model.path))
  const entries = await readdir(storageConfig.modelsPath, { withFileTypes: true }).catch(() => [])
  const unregistered = entries
    .filter((entry) => (entry.isDirectory() || /\.gguf$/i.test(entry.name)) && !entry.name.startsWith('.') && !registered.has(entry.name))
    .map((entry) => entry.name)
    .sort()

  return { models: views, tasks, unregistered }
}
