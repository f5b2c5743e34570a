import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers'
import { loadOnnxModelFolder, modelLoadFailed, specialTokenFrame, transformers } from '#ai/runtimes/onnx_model_folder'

/** Texts per model run; bounds the padded batch's memory. */
const BATCH_SIZE = 16

/**
 * Sentence embeddings with a transformers.js feature-extraction model
 * (BERT-style ONNX with a `last_hidden_state` output): mean pooling over the
 * attention mask, then L2 normalisation.
 *
 * Texts longer than the model limit are TRUNCATED to its first `maxTokens`
 * tokens (the rest does not contribute to the vector); callers that embed
 * long documents chunk them first.
 */
export class OnnxFeatureExtractor {
  readonly dimension: number
  /** The model's token limit, special tokens included. */
  readonly maxTokens: number
  readonly #tokenizer: PreTrainedTokenizer
  readonly #model: PreTrainedModel
  readonly #frame: { prefix: number[]; suffix: number[] }

  private constructor(tokenizer: PreTrainedTokenizer, model: PreTrainedModel, dimension: number, maxTokens: number) {
    this.#tokenizer = tokenizer
    this.#model = model
    this.dimension = dimension
    this.maxTokens = maxTokens
    this.#frame = specialTokenFrame(tokenizer)
  }

  static async load(modelDir: string, options: { maxThreads: number }): Promise<OnnxFeatureExtractor> {
    const folder = await loadOnnxModelFolder(modelDir, { maxThreads: options.maxThreads, modelClass: (library) => library.AutoModel })
    const extractor = new OnnxFeatureExtractor(folder.tokenizer, folder.model, 0, folder.maxTokens)
    let dimension: number
    try {
      /* A probe run finds the dimension and catches a model without `last_hidden_state`. */
      const [probe] = await extractor.#embedBatch(['a'])
      dimension = probe.length
      if (!(dimension > 0)) throw new Error('the model produced an empty vector.')
    } catch (error) {
      await folder.model.dispose()
      throw modelLoadFailed(modelDir, error instanceof Error ? error.message.split('\n')[0] : 'the probe run failed.')
    }
    return new OnnxFeatureExtractor(folder.tokenizer, folder.model, dimension, folder.maxTokens)
  }

  /** One unit-length vector per text, in order. */
  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = []
    for (let from = 0; from < texts.length; from += BATCH_SIZE) {
      vectors.push(...(await this.#embedBatch(texts.slice(from, from + BATCH_SIZE))))
    }
    return vectors
  }

  async dispose(): Promise<void> {
    await this.#model.dispose()
  }

  async #embedBatch(texts: string[]): Promise<number[][]> {
    /* Our own truncation: transformers.js cuts the framed ids, dropping the closing [SEP]. */
    const { prefix, suffix } = this.#frame
    const room = Math.max(1, this.maxTokens - prefix.length - suffix.length)
    const sequences = texts.map((text) => [...prefix, ...this.#tokenizer.encode(text, { add_special_tokens: false }).slice(0, room), ...suffix])
    const length = sequences.reduce((longest, sequence) => Math.max(longest, sequence.length), 1)
    const padId = this.#tokenizer.pad_token_id ?? 0
    const ids = new BigInt64Array(texts.length * length).fill(BigInt(padId))
    const mask = new BigInt64Array(texts.length * length)
    sequences.forEach((sequence, b) => {
      sequence.forEach((id, t) => {
        ids[b * length + t] = BigInt(id)
        mask[b * length + t] = 1n
      })
    })
    const { Tensor } = await transformers()
    const output = await this.#model({
      input_ids: new Tensor('int64', ids, [texts.length, length]),
      attention_mask: new Tensor('int64', mask, [texts.length, length]),
    })
    const hidden = output.last_hidden_state as Tensor | undefined
    if (!hidden || hidden.dims.length !== 3) throw new Error('the model has no last_hidden_state output of shape [batch, sequence, dimension].')
    const [batch, , dimension] = hidden.dims
    const data = hidden.data as Float32Array
    const vectors: number[][] = []
    for (let b = 0; b < batch; b++) {
      const sum = new Float64Array(dimension)
      let count = 0
      for (let t = 0; t < length; t++) {
        if (mask[b * length + t] === 0n) continue
        count++
        const row = (b * length + t) * dimension
        for (let d = 0; d < dimension; d++) sum[d] += data[row + d]
      }
      const mean = Array.from(sum, (value) => value / Math.max(1, count))
      const norm = Math.sqrt(mean.reduce((total, value) => total + value * value, 0))
      vectors.push(norm > 0 ? mean.map((value) => value / norm) : mean)
    }
    return vectors
  }
}
