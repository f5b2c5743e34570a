import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { AppError } from '#kernel/index'
import type { ModelKind } from '#ai/inference/serving_manifest'
import { checkGgufFile } from '#ai/registry/gguf_file_check'
import { checkOnnxFolder } from '#ai/registry/onnx_folder_check'
import { hashModelFiles, type HashedModel } from '#ai/registry/hash_model_files'

const LICENCE_FILES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE', 'LICENCE.txt', 'LICENCE.md']
const MAX_LICENCE_CHARS = 20_000

export interface InspectedModel extends HashedModel {
  kind: ModelKind
  /** Relative to MODELS_PATH, with forward slashes. */
  relativePath: string
  suggestedName: string
  licence: string | null
}

/**
 * Finds out what a path under MODELS_PATH holds: a GGUF file or an ONNX model
 * folder, complete, with its checksums and licence. Anything else is refused
 * with a clear error; nothing is recorded here.
 */
export async function inspectModelPath(modelsPath: string, path: string): Promise<InspectedModel> {
  const absolutePath = await resolveInsideModels(modelsPath, path)
  const relativePath = relative(await realpath(modelsPath), absolutePath).split(sep).join('/')
  const isFolder = (await stat(absolutePath)).isDirectory()

  let kind: ModelKind
  let licence: string | null = null
  if (isFolder) {
    kind = (await checkOnnxFolder(absolutePath, relativePath)).kind
    licence = await readLicenceFile(absolutePath)
  } else {
    const check = await checkGgufFile(absolutePath, relativePath)
    kind = check.kind
    licence = check.licence
  }
  const hashed = await hashModelFiles(await realpath(modelsPath), absolutePath)
  return { ...hashed, kind, relativePath, licence, suggestedName: modelNameFrom(absolutePath) }
}

/** A path given relative to MODELS_PATH or the current folder, which must end up inside MODELS_PATH. */
export async function resolveInsideModels(modelsPath: string, path: string): Promise<string> {
  const root = await realpath(modelsPath).catch(() => {
    throw AppError.unprocessable('AI_MODELS_FOLDER_MISSING', 'The models folder (MODELS_PATH) does not exist.')
  })
  const candidates = isAbsolute(path) ? [path] : [join(root, path), resolve(path)]
  for (const candidate of candidates) {
    const real = await realpath(candidate).catch(() => null)
    if (!real) continue
    if (real !== root && real.startsWith(root + sep)) return real
    throw AppError.unprocessable('AI_PATH_OUTSIDE_MODELS', `Model files must be inside the models folder (${root}); copy them there first.`)
  }
  throw AppError.unprocessable('AI_MODEL_PATH_NOT_FOUND', `Nothing found at ${path} in the models folder.`)
}

export async function readLicenceText(path: string): Promise<string> {
  const text = await readFile(path, 'utf8')
  return text.slice(0, MAX_LICENCE_CHARS)
}

async function readLicenceFile(folder: string): Promise<string | null> {
  for (const name of LICENCE_FILES) {
    const text = await readLicenceText(join(folder, name)).catch(() => null)
    if (text) return text
  }
  return null
}

function modelNameFrom(path: string): string {
  return basename(path).replace(/\.gguf$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)
}
