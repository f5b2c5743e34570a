import { writeFile } from 'node:fs/promises'
import { seededRandom } from './seeded_random.ts'

/*
| Writes a tiny LLaMA model as a GGUF v3 file (F32 tensors, a SentencePiece
| vocabulary with byte fallback) that node-llama-cpp loads and runs: the
| real loading, generation, streaming and grammar code paths, without any
| download. Weights are random (seeded), so the text is gibberish.
|
| One property is built in on purpose: the model never emits its end token.
| Every token embedding carries a large positive value in dimension 0, the
| layers add only small contributions, so after the final norm dimension 0
| stays positive, and the end token's output row is strongly negative there.
| Tests can then count on generation running to max_tokens.
*/

const GGUF_VERSION = 3
const ALIGNMENT = 32
const enum ValueType {
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}
const enum TokenType {
  NORMAL = 1,
  UNKNOWN = 2,
  CONTROL = 3,
  BYTE = 6,
}

type MetadataValue =
  | { type: ValueType.UINT32 | ValueType.INT32 | ValueType.FLOAT32; value: number }
  | { type: ValueType.BOOL; value: boolean }
  | { type: ValueType.STRING; value: string }
  | { type: ValueType.ARRAY; items: ValueType.STRING; value: string[] }
  | { type: ValueType.ARRAY; items: ValueType.FLOAT32 | ValueType.INT32; value: number[] }

interface Tensor {
  name: string
  /** ne[0] first: the number of floats in one contiguous row. */
  dims: number[]
  data: Float32Array
}

/** A little-endian byte writer. */
class Bytes {
  #chunks: Buffer[] = []
  length = 0

  push(buffer: Buffer) {
    this.#chunks.push(buffer)
    this.length += buffer.length
  }
  u32(value: number) {
    const buffer = Buffer.alloc(4)
    buffer.writeUInt32LE(value)
    this.push(buffer)
  }
  i32(value: number) {
    const buffer = Buffer.alloc(4)
    buffer.writeInt32LE(value)
    this.push(buffer)
  }
  u64(value: number) {
    const buffer = Buffer.alloc(8)
    buffer.writeBigUInt64LE(BigInt(value))
    this.push(buffer)
  }
  f32(value: number) {
    const buffer = Buffer.alloc(4)
    buffer.writeFloatLE(value)
    this.push(buffer)
  }
  string(value: string) {
    const bytes = Buffer.from(value, 'utf8')
    this.u64(bytes.length)
    this.push(bytes)
  }
  padTo(alignment: number) {
    const padding = (alignment - (this.length % alignment)) % alignment
    if (padding) this.push(Buffer.alloc(padding))
  }
  toBuffer() {
    return Buffer.concat(this.#chunks)
  }
}

/** <unk>, <s>, </s>, the 256 byte tokens, then some SentencePiece pieces. */
function vocabulary() {
  const tokens = ['<unk>', '<s>', '</s>']
  const types = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL]
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`)
    types.push(TokenType.BYTE)
  }
  const pieces = ['▁', ...'abcdefghijklmnopqrstuvwxyz'.split(''), ...'abcdefghijklmnopqrstuvwxyz'.split('').map((letter) => `▁${letter}`)]
  pieces.push('▁the', '▁patient', '▁pain', '▁knee', '▁hello', '▁is', '▁and', '▁of', '{', '}', '"', ':', ',', '[', ']')
  for (const piece of pieces) {
    tokens.push(piece)
    types.push(TokenType.NORMAL)
  }
  /* Longer pieces score higher, so the tokenizer prefers them to single letters. */
  const scores = tokens.map((token, id) => (types[id] === TokenType.NORMAL ? -100 + token.length : 0))
  return { tokens, types, scores }
}

export interface TinyLlamaOptions {
  seed?: number
  embeddingLength?: number
  layers?: number
  contextLength?: number
}

export async function writeTinyLlamaGguf(path: string, options: TinyLlamaOptions = {}) {
  const next = seededRandom(options.seed ?? 42)
  const nEmbd = options.embeddingLength ?? 64
  const nLayers = options.layers ?? 2
  const nHead = 4
  const nFf = nEmbd * 2
  const { tokens, types, scores } = vocabulary()
  const nVocab = tokens.length
  const EOS = 2

  const weights = (count: number, scale: number) => Float32Array.from({ length: count }, () => (next() * 2 - 1) * scale)
  const ones = (count: number) => new Float32Array(count).fill(1)

  const embeddings = weights(nVocab * nEmbd, 1)
  for (let token = 0; token < nVocab; token++) embeddings[token * nEmbd] = 20
  const output = weights(nVocab * nEmbd, 1)
  for (let i = 0; i < nEmbd; i++) output[EOS * nEmbd + i] = i === 0 ? -50 : 0

  const tensors: Tensor[] = [
    { name: 'token_embd.weight', dims: [nEmbd, nVocab], data: embeddings },
    { name: 'output_norm.weight', dims: [nEmbd], data: ones(nEmbd) },
    { name: 'output.weight', dims: [nEmbd, nVocab], data: output },
  ]
  for (let layer = 0; layer < nLayers; layer++) {
    const block = (name: string, dims: number[], data: Float32Array) => tensors.push({ name: `blk.${layer}.${name}.weight`, dims, data })
    block('attn_norm', [nEmbd], ones(nEmbd))
    block('attn_q', [nEmbd, nEmbd], weights(nEmbd * nEmbd, 0.1))
    block('attn_k', [nEmbd, nEmbd], weights(nEmbd * nEmbd, 0.1))
    block('attn_v', [nEmbd, nEmbd], weights(nEmbd * nEmbd, 0.1))
    block('attn_output', [nEmbd, nEmbd], weights(nEmbd * nEmbd, 0.02))
    block('ffn_norm', [nEmbd], ones(nEmbd))
    block('ffn_gate', [nEmbd, nFf], weights(nEmbd * nFf, 0.1))
    block('ffn_up', [nEmbd, nFf], weights(nEmbd * nFf, 0.1))
    block('ffn_down', [nFf, nEmbd], weights(nFf * nEmbd, 0.02))
  }

  const metadata: [string, MetadataValue][] = [
    ['general.architecture', { type: ValueType.STRING, value: 'llama' }],
    ['general.name', { type: ValueType.STRING, value: 'clinibox tiny test llama' }],
    ['general.file_type', { type: ValueType.UINT32, value: 0 }],
    ['general.alignment', { type: ValueType.UINT32, value: ALIGNMENT }],
    ['llama.context_length', { type: ValueType.UINT32, value: options.contextLength ?? 4096 }],
    ['llama.embedding_length', { type: ValueType.UINT32, value: nEmbd }],
    ['llama.block_count', { type: ValueType.UINT32, value: nLayers }],
    ['llama.feed_forward_length', { type: ValueType.UINT32, value: nFf }],
    ['llama.attention.head_count', { type: ValueType.UINT32, value: nHead }],
    ['llama.attention.head_count_kv', { type: ValueType.UINT32, value: nHead }],
    ['llama.rope.dimension_count', { type: ValueType.UINT32, value: nEmbd / nHead }],
    ['llama.attention.layer_norm_rms_epsilon', { type: ValueType.FLOAT32, value: 1e-5 }],
    ['tokenizer.ggml.model', { type: ValueType.STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: ValueType.ARRAY, items: ValueType.STRING, value: tokens }],
    ['tokenizer.ggml.scores', { type: ValueType.ARRAY, items: ValueType.FLOAT32, value: scores }],
    ['tokenizer.ggml.token_type', { type: ValueType.ARRAY, items: ValueType.INT32, value: types }],
    ['tokenizer.ggml.unknown_token_id', { type: ValueType.UINT32, value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: ValueType.UINT32, value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: ValueType.UINT32, value: EOS }],
    ['tokenizer.ggml.add_bos_token', { type: ValueType.BOOL, value: true }],
  ]

  const out = new Bytes()
  out.u32(0x46554747) // "GGUF"
  out.u32(GGUF_VERSION)
  out.u64(tensors.length)
  out.u64(metadata.length)
  for (const [key, entry] of metadata) {
    out.string(key)
    out.u32(entry.type)
    writeValue(out, entry)
  }
  let offset = 0
  for (const tensor of tensors) {
    out.string(tensor.name)
    out.u32(tensor.dims.length)
    for (const dim of tensor.dims) out.u64(dim)
    out.u32(0) // F32
    out.u64(offset)
    offset += Math.ceil((tensor.data.length * 4) / ALIGNMENT) * ALIGNMENT
  }
  out.padTo(ALIGNMENT)
  for (const tensor of tensors) {
    out.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength))
    out.padTo(ALIGNMENT)
  }
  await writeFile(path, out.toBuffer())
}

function writeValue(out: Bytes, entry: MetadataValue) {
  switch (entry.type) {
    case ValueType.UINT32:
      return out.u32(entry.value)
    case ValueType.INT32:
      return out.i32(entry.value)
    case ValueType.FLOAT32:
      return out.f32(entry.value)
    case ValueType.BOOL:
      return out.push(Buffer.from([entry.value ? 1 : 0]))
    case ValueType.STRING:
      return out.string(entry.value)
    case ValueType.ARRAY:
      out.u32(entry.items)
      out.u64(entry.value.length)
      for (const item of entry.value) {
        if (entry.items === ValueType.STRING) out.string(item as string)
        else if (entry.items === ValueType.FLOAT32) out.f32(item as number)
        else out.i32(item as number)
      }
  }
}
