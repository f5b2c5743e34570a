import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { isAbsolute } from 'node:path'

function resolveFolder(value: string | undefined, fallback: string): string {
  const folder = value ?? fallback
  return isAbsolute(folder) ? folder : app.makePath(folder)
}

/** Folders the appliance writes to and reads from (absolute paths). */
const storageConfig = {
  /** Uploaded documents and other files. Must be writable. */
  storagePath: resolveFolder(env.get('STORAGE_PATH'), 'storage'),
  /** AI model files (GGUF, ONNX) installed by the admin. Must be readable. */
  modelsPath: resolveFolder(env.get('MODELS_PATH'), 'models'),
}

export default storageConfig
