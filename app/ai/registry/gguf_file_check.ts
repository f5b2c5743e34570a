import { open, stat } from 'node:fs/promises'
import { GgufInsights, readGgufFileInfo } from 'node-llama-cpp'
import { AppError } from '#kernel/index'
import type { ModelKind } from '#ai/inference/serving_manifest'

/** llama.cpp architectures that are encoders for embeddings, not text generators. */
const EMBEDDING_ARCHITECTURES = new Set(['bert', 'nomic-bert', 'nomic-bert-moe', 'jina-bert-v2', 'jina-bert-v3', 'modern-bert', 'neo-bert', 't5encoder'])

export interface GgufCheck {
  kind: ModelKind
  licence: string | null
}

/**
 * Checks that a file is a complete GGUF model without loading it: the magic
 * bytes, a header node-llama-cpp can parse, and enough bytes for every tensor.
 */
export async function checkGgufFile(path: string, displayPath: string): Promise<GgufCheck> {
  const handle = await open(path, 'r')
  const magic = Buffer.alloc(4)
  try {
    await handle.read(magic, 0, 4, 0)
  } finally {
    await handle.close()
  }
  if (magic.toString('latin1') !== 'GGUF') {
    throw AppError.unprocessable('AI_NOT_A_MODEL', `${displayPath} is not a GGUF model file (it does not start with the GGUF magic bytes).`)
  }

  let info: Awaited<ReturnType<typeof readGgufFileInfo>>
  let expectedDataBytes: number
  try {
    info = await readGgufFileInfo(path, { sourceType: 'filesystem', logWarnings: false })
    expectedDataBytes = (await GgufInsights.from(info)).modelSize
  } catch {
    throw AppError.unprocessable('AI_INVALID_MODEL_FILE', `${displayPath} has a GGUF header that cannot be read; the file is damaged or truncated.`)
  }
  const { size } = await stat(path)
  const expectedBytes = (info.infoEndOffset ?? 0) + expectedDataBytes
  if (size < expectedBytes) {
    throw AppError.unprocessable('AI_MODEL_TRUNCATED', `${displayPath} is truncated: it has ${size} bytes but its tensors need at least ${expectedBytes}.`, {
      sizeBytes: size,
      expectedBytes,
    })
  }

  const architecture = String(info.metadata.general?.architecture ?? '')
  const licence = (info.metadata.general as { license?: unknown } | undefined)?.license
  return {
    kind: EMBEDDING_ARCHITECTURES.has(architecture) ? 'gguf-embedding' : 'gguf-llm',
    licence: typeof licence === 'string' && licence.length > 0 ? licence : null,
  }
}
