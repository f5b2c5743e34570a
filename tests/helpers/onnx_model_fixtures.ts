/**
 * Writes tiny random-weight ONNX model folders that @huggingface/transformers
 * loads offline, for tests of the ONNX runtimes.
 *
 * Format choices:
 * - Folder layout as transformers.js expects it: config.json, tokenizer.json,
 *   tokenizer_config.json and onnx/model.onnx (fp32, no quantised variants).
 * - The ONNX file is encoded with protobufjs from the small subset of
 *   onnx.proto below (field numbers as in the official schema); weights go in
 *   `raw_data` as little-endian float32.
 * - The graph is Gather(embedding, input_ids) -> MatMul -> Add: no attention
 *   and no position embedding, so every token's output depends on that token
 *   only, and any sequence length runs. `attention_mask` and `token_type_ids`
 *   are declared (int64) like in a real BERT export but unused.
 * - Weights come from a seeded PRNG. In the token classifier, a few whole
 *   words (`entityWords`) get a strong embedding towards one label, and `O`
 *   gets a bias, so tests can assert real spans: "john smith" is one NAME.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import protobuf from 'protobufjs'
import { seededRandom } from '#tests/helpers/seeded_random'

const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message AttributeProto { string name = 1; int64 i = 3; int32 type = 20; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message TensorShapeProto { message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } } repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } Tensor tensor_type = 1; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
`
const FLOAT = 1
const INT64 = 7
const ATTRIBUTE_INT = 2
const ModelProto = protobuf.parse(ONNX_PROTO).root.lookupType('onnx.ModelProto')

export const DEFAULT_LABELS = ['O', 'B-NAME', 'I-NAME', 'B-DATE', 'I-DATE']
/** Words the default token classifier tags, whatever their context. */
export const DEFAULT_ENTITY_WORDS: Record<string, string> = { john: 'B-NAME', mary: 'B-NAME', smith: 'I-NAME', jones: 'I-NAME', march: 'B-DATE' }

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
const WORDS = ['patient', 'john', 'mary', 'smith', 'jones', 'seen', 'on', 'the', 'by', 'dr', 'with', 'and', 'was', 'march', 'born', 'in', 'pain', 'chest', 'note', 'jose']
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('')
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split('')

export function tinyVocabulary(): string[] {
  return [...SPECIAL_TOKENS, ...WORDS, ...LETTERS, ...PUNCTUATION, ...LETTERS.map((c) => `##${c}`)]
}

/** Seeded weights in [-0.5, 0.5). */
function prng(seed: number): () => number {
  const random = seededRandom(seed)
  return () => random() - 0.5
}

function tensor(name: string, dims: number[], values: Float32Array) {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) }
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }))
  return { name, type: { tensorType: { elemType, shape: { dim } } } }
}

/** Encodes Gather(embedding, input_ids) -> MatMul(weight) -> Add(bias) -> `output`. */
function encodeModel(output: string, embedding: Float32Array, weight: Float32Array, bias: Float32Array, hidden: number, width: number) {
  const vocabSize = embedding.length / hidden
  const message = ModelProto.create({
    irVersion: 8,
    producerName: 'clinibox-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny',
      node: [
        { opType: 'Gather', name: 'embed', input: ['embedding', 'input_ids'], output: ['hidden'], attribute: [{ name: 'axis', i: 0, type: ATTRIBUTE_INT }] },
        { opType: 'MatMul', name: 'project', input: ['hidden', 'weight'], output: ['projected'] },
        { opType: 'Add', name: 'bias', input: ['projected', 'bias'], output: [output] },
      ],
      initializer: [tensor('embedding', [vocabSize, hidden], embedding), tensor('weight', [hidden, width], weight), tensor('bias', [width], bias)],
      input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, INT64, ['batch_size', 'sequence_length'])),
      output: [valueInfo(output, FLOAT, ['batch_size', 'sequence_length', width])],
    },
  })
  return ModelProto.encode(message).finish()
}

function tokenizerJson(vocab: string[]) {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]))
  const special = (content: string) => ({ id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  }
}

async function writeFolder(dir: string, config: object, maxLength: number, model: Uint8Array, vocab: string[]) {
  await mkdir(join(dir, 'onnx'), { recursive: true })
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: maxLength,
    do_lower_case: true,
    clean_up_tokenization_spaces: true,
    ...Object.fromEntries(['unk', 'sep', 'pad', 'cls', 'mask'].map((t) => [`${t}_token`, `[${t.toUpperCase()}]`])),
  }
  await writeFile(join(dir, 'config.json'), JSON.stringify(config, null, 2))
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)))
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2))
  await writeFile(join(dir, 'onnx', 'model.onnx'), model)
}

export interface TinyTokenClassificationOptions {
  labels?: string[]
  /** Declared model limit in tokens, [CLS] and [SEP] included (default 32). */
  maxPositionEmbeddings?: number
  seed?: number
  /** Vocabulary words forced to a label (default DEFAULT_ENTITY_WORDS, where the label exists). */
  entityWords?: Record<string, string>
}

export async function writeTinyTokenClassificationModel(dir: string, options: TinyTokenClassificationOptions = {}) {
  const labels = options.labels ?? DEFAULT_LABELS
  const maxPositions = options.maxPositionEmbeddings ?? 32
  const random = prng(options.seed ?? 42)
  const vocab = tinyVocabulary()
  const width = labels.length
  const hidden = width + 4
  /* The first `width` hidden units feed their label's logit directly; the rest is noise. */
  const embedding = Float32Array.from({ length: vocab.length * hidden }, () => random())
  const weight = Float32Array.from({ length: hidden * width }, (_, k) => {
    const [row, column] = [Math.floor(k / width), k % width]
    return row < width ? (row === column ? 1 : 0) : random()
  })
  const bias = Float32Array.from(labels, (label) => (label === 'O' ? 4 : 0))
  for (const [word, label] of Object.entries(options.entityWords ?? DEFAULT_ENTITY_WORDS)) {
    const id = vocab.indexOf(word)
    const column = labels.indexOf(label)
    if (id >= 0 && column >= 0) embedding[id * hidden + column] = 8
  }
  const config = {
    model_type: 'bert',
    architectures: ['BertForTokenClassification'],
    hidden_size: hidden,
    vocab_size: vocab.length,
    max_position_embeddings: maxPositions,
    id2label: Object.fromEntries(labels.map((label, id) => [String(id), label])),
    label2id: Object.fromEntries(labels.map((label, id) => [label, id])),
  }
  await writeFolder(dir, config, maxPositions, encodeModel('logits', embedding, weight, bias, hidden, width), vocab)
}

export async function writeTinyFeatureExtractionModel(dir: string, options: { dimension?: number; seed?: number } = {}) {
  const dimension = options.dimension ?? 16
  const random = prng(options.seed ?? 7)
  const vocab = tinyVocabulary()
  const embedding = Float32Array.from({ length: vocab.length * dimension }, () => random())
  const weight = Float32Array.from({ length: dimension * dimension }, () => random())
  const bias = Float32Array.from({ length: dimension }, () => random())
  const config = { model_type: 'bert', architectures: ['BertModel'], hidden_size: dimension, vocab_size: vocab.length, max_position_embeddings: 32 }
  await writeFolder(dir, config, 32, encodeModel('last_hidden_state', embedding, weight, bias, dimension, dimension), vocab)
}

/** Copies `src` to `dest` keeping only the first `fraction` of its bytes. */
export async function writeTruncatedCopy(src: string, dest: string, fraction = 0.5) {
  const bytes = await readFile(src)
  await writeFile(dest, bytes.subarray(0, Math.floor(bytes.length * fraction)))
}
