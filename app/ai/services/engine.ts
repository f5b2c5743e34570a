/**
 * Which engine produced an AI result: a model (name and version, the start
 * of its sha256) or a built-in fallback. Every AI result carries one, so
 * users can tell a model's answer from the rules'.
 */
export interface Engine {
  type: 'model' | 'hashing' | 'rules' | 'retrieval'
  name: string
  version: string
}

export function modelEngine(model: { name: string; version: string }): Engine {
  return { type: 'model', name: model.name, version: model.version }
}
