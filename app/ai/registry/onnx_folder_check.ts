import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import protobuf from 'protobufjs'
import { AppError } from '#kernel/index'
import type { ModelKind } from '#ai/inference/serving_manifest'

/** The files a transformers.js model folder needs (SETUP-NOTES). */
export const ONNX_REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as const

/** ModelProto field numbers (onnx.proto): ir_version = 1, graph = 7. */
const IR_VERSION_FIELD = 1
const GRAPH_FIELD = 7

/**
 * Checks that a folder is a complete transformers.js ONNX model: the required
 * files exist, the JSON files parse, and model.onnx is a whole protobuf
 * message with a graph (a truncated file fails to parse). The kind comes
 * from config.json's architectures.
 */
export async function checkOnnxFolder(folder: string, displayPath: string): Promise<{ kind: ModelKind }> {
  for (const file of ONNX_REQUIRED_FILES) {
    const exists = await stat(join(folder, file)).then((s) => s.isFile(), () => false)
    if (!exists) {
      throw AppError.unprocessable('AI_NOT_A_MODEL', `${displayPath} is not an ONNX model folder: ${file} is missing (needs ${ONNX_REQUIRED_FILES.join(', ')}).`)
    }
  }
  const config = await readJson(join(folder, 'config.json'), `${displayPath}/config.json`)
  await readJson(join(folder, 'tokenizer.json'), `${displayPath}/tokenizer.json`)
  await readJson(join(folder, 'tokenizer_config.json'), `${displayPath}/tokenizer_config.json`)
  checkOnnxProtobuf(await readFile(join(folder, 'onnx/model.onnx')), `${displayPath}/onnx/model.onnx`)

  const architectures: unknown[] = Array.isArray(config.architectures) ? config.architectures : []
  const tokenClassification = architectures.some((name) => typeof name === 'string' && name.endsWith('ForTokenClassification'))
  return { kind: tokenClassification ? 'onnx-token-classification' : 'onnx-feature-extraction' }
}

async function readJson(path: string, displayPath: string): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value)) return value
  } catch {}
  throw AppError.unprocessable('AI_INVALID_MODEL_FILE', `${displayPath} is not a valid JSON object.`)
}

/** Walks the top-level fields of an ONNX ModelProto; the reader throws past the end of a truncated file. */
function checkOnnxProtobuf(bytes: Uint8Array, displayPath: string) {
  const seen = new Set<number>()
  try {
    const reader = protobuf.Reader.create(bytes)
    while (reader.pos < reader.len) {
      const tag = reader.uint32()
      const field = tag >>> 3
      if (field === 0) throw new Error('field 0')
      seen.add(field)
      reader.skipType(tag & 7)
    }
  } catch {
    throw AppError.unprocessable('AI_MODEL_TRUNCATED', `${displayPath} is damaged or truncated: it is not a complete ONNX model.`)
  }
  if (!seen.has(IR_VERSION_FIELD) || !seen.has(GRAPH_FIELD)) {
    throw AppError.unprocessable('AI_NOT_A_MODEL', `${displayPath} is not an ONNX model (no IR version or graph).`)
  }
}
