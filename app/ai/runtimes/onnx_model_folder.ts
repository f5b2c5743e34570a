import { readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { AppError } from '#kernel/index'
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers'
import { normalizerFromConfig, tokenSchemeFromConfig, type AlignmentOptions } from '#ai/runtimes/token_alignment'

/** What the ONNX runtimes read from a model folder. */
export interface OnnxModelFolder {
  tokenizer: PreTrainedTokenizer
  model: PreTrainedModel
  /** config.json as written. */
  config: Record<string, any>
  /** How to align this tokenizer's tokens to text. */
  alignment: AlignmentOptions
  /** The model's token limit, special tokens included. */
  maxTokens: number
}

type ModelClass = { from_pretrained: (path: string, options: Record<string, unknown>) => Promise<PreTrainedModel> }

/** Used when neither tokenizer_config.json nor config.json declares a limit. */
const DEFAULT_MAX_TOKENS = 512
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', join('onnx', 'model.onnx')]

let environmentReady: Promise<typeof import('@huggingface/transformers')> | undefined

/**
 * Imports transformers.js once and makes it offline: no Hub downloads, no
 * cache writes next to node_modules, quiet logs (they could echo inputs).
 */
export function transformers(): Promise<typeof import('@huggingface/transformers')> {
  environmentReady ??= import('@huggingface/transformers').then((library) => {
    library.env.allowRemoteModels = false
    library.env.allowLocalModels = true
    library.env.useFSCache = false
    library.env.useWasmCache = false
    library.env.logLevel = library.LogLevel.ERROR
    return library
  })
  return environmentReady
}

/** The error every load failure becomes: a message about the folder, never a stack. */
export function modelLoadFailed(modelDir: string, reason: string): AppError {
  return AppError.unprocessable('AI_MODEL_LOAD_FAILED', `The ONNX model "${basename(modelDir)}" cannot be loaded: ${reason}`)
}

/** The first line of an error message, bounded, without file system paths. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0].replace(/(\/[^\s'"]+)+/g, (path) => basename(path)).trim()
  return line.length > 200 ? `${line.slice(0, 200)}...` : line || 'unknown error'
}

async function readJson(modelDir: string, file: string): Promise<Record<string, any>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(join(modelDir, file), 'utf8'))
  } catch {
    throw modelLoadFailed(modelDir, `${file} is not valid JSON.`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw modelLoadFailed(modelDir, `${file} is not a JSON object.`)
  return parsed as Record<string, any>
}

/**
 * Loads an ONNX model folder (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) from an absolute path with
 * transformers.js: fp32 `model.onnx` on the CPU with `maxThreads` intra-op
 * threads. Any failure rejects with AI_MODEL_LOAD_FAILED (422).
 */
export async function loadOnnxModelFolder(
  modelDir: string,
  options: { maxThreads: number; modelClass: (library: typeof import('@huggingface/transformers')) => ModelClass }
): Promise<OnnxModelFolder> {
  const folder = resolve(modelDir)
  for (const file of REQUIRED_FILES) {
    const info = await stat(join(folder, file)).catch(() => undefined)
    if (!info?.isFile()) throw modelLoadFailed(folder, `${file} is missing.`)
  }
  const config = await readJson(folder, 'config.json')
  const tokenizerJson = await readJson(folder, 'tokenizer.json')
  const tokenizerConfig = await readJson(folder, 'tokenizer_config.json')
  const library = await transformers()
  const threads = Math.max(1, Math.floor(options.maxThreads))
  let tokenizer: PreTrainedTokenizer
  let model: PreTrainedModel
  try {
    tokenizer = await library.AutoTokenizer.from_pretrained(folder, { local_files_only: true })
  } catch (error) {
    throw modelLoadFailed(folder, `the tokenizer is invalid (${describe(error)}).`)
  }
  try {
    model = await options.modelClass(library).from_pretrained(folder, {
      /* Passing the parsed config skips transformers.js's per-path config memo, so a replaced folder reloads. */
      config: new library.PretrainedConfig(config),
      local_files_only: true,
      dtype: 'fp32',
      device: 'cpu',
      session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
    })
  } catch (error) {
    throw modelLoadFailed(folder, `onnx/model.onnx is not a usable ONNX model (${describe(error)}).`)
  }
  const limits = [Number(tokenizerConfig.model_max_length), Number(config.max_position_embeddings)].filter(
    (limit) => Number.isInteger(limit) && limit > 2 && limit < 1_000_000
  )
  return {
    tokenizer,
    model,
    config,
    maxTokens: limits.length > 0 ? Math.min(...limits) : DEFAULT_MAX_TOKENS,
    alignment: {
      scheme: tokenSchemeFromConfig(tokenizerJson),
      normalize: normalizerFromConfig(tokenizerJson.normalizer),
      unknownToken: tokenizerJson.model?.unk_token ?? tokenizerConfig.unk_token ?? undefined,
      continuationPrefix: tokenizerJson.model?.continuing_subword_prefix ?? '##',
    },
  }
}

/**
 * The special token ids the tokenizer puts around one sequence ([CLS] ... [SEP]
 * for BERT, <s> ... </s> for RoBERTa), found by encoding a probe word.
 */
export function specialTokenFrame(tokenizer: PreTrainedTokenizer): { prefix: number[]; suffix: number[] } {
  const probe = 'a'
  const plain = tokenizer.encode(probe, { add_special_tokens: false })
  const framed = tokenizer.encode(probe, { add_special_tokens: true })
  for (let at = 0; at + plain.length <= framed.length; at++) {
    if (plain.every((id, i) => framed[at + i] === id)) return { prefix: framed.slice(0, at), suffix: framed.slice(at + plain.length) }
  }
  return { prefix: [], suffix: [] }
}
