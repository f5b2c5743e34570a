import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers'
import { alignTokens, type AlignmentOptions, type TokenOffset } from '#ai/runtimes/token_alignment'
import { loadOnnxModelFolder, modelLoadFailed, specialTokenFrame, transformers } from '#ai/runtimes/onnx_model_folder'

/** An entity found in a text: `text.slice(start, end)` is exactly the tokens' text. */
export interface TokenSpan {
  /** JS string index into the original text. */
  start: number
  /** Exclusive. */
  end: number
  /** Entity type without its B-/I- prefix, e.g. `NAME`. */
  label: string
  /** Mean probability of the tokens' predicted labels. */
  score: number
}

/** A label split into its BIO(ES) position and entity type; `type` is null for `O`. */
interface ParsedLabel {
  position: 'begin' | 'inside' | 'plain'
  type: string | null
}

interface TokenPrediction {
  label: ParsedLabel
  score: number
  /** Distance to the nearest edge of the window the prediction came from. */
  margin: number
}

function parseLabel(label: string): ParsedLabel {
  if (label === 'O' || label === '') return { position: 'plain', type: null }
  const match = /^([BIESLU])-(.+)$/.exec(label)
  if (!match) return { position: 'plain', type: label }
  return { position: 'BSU'.includes(match[1]) ? 'begin' : 'inside', type: match[2] }
}

/**
 * NER with a transformers.js token-classification model (BERT-style ONNX).
 * Unlike the pipeline, it returns exact character offsets into the text,
 * and handles texts longer than the model limit: the tokens are classified
 * in overlapping windows, and each token keeps the prediction from the
 * window where it sits furthest from an edge.
 */
export class OnnxTokenClassifier {
  /** The model's token limit, special tokens included. */
  readonly maxTokens: number
  readonly #tokenizer: PreTrainedTokenizer
  readonly #model: PreTrainedModel
  readonly #alignment: AlignmentOptions
  readonly #labels: ParsedLabel[]
  readonly #frame: { prefix: number[]; suffix: number[] }
  readonly #window: number
  readonly #stride: number

  private constructor(
    tokenizer: PreTrainedTokenizer,
    model: PreTrainedModel,
    alignment: AlignmentOptions,
    labels: string[],
    maxTokens: number
  ) {
    this.#tokenizer = tokenizer
    this.#model = model
    this.#alignment = alignment
    this.#labels = labels.map(parseLabel)
    this.#frame = specialTokenFrame(tokenizer)
    this.maxTokens = maxTokens
    this.#window = Math.max(1, maxTokens - this.#frame.prefix.length - this.#frame.suffix.length)
    this.#stride = Math.max(1, this.#window - Math.floor(this.#window / 4))
  }

  static async load(modelDir: string, options: { maxThreads: number }): Promise<OnnxTokenClassifier> {
    const folder = await loadOnnxModelFolder(modelDir, {
      maxThreads: options.maxThreads,
      modelClass: (library) => library.AutoModelForTokenClassification,
    })
    const id2label = folder.config.id2label ?? {}
    const labels = Object.keys(id2label)
      .sort((a, b) => Number(a) - Number(b))
      .map((id) => String(id2label[id]))
    if (labels.length === 0 || labels.some((_, index) => id2label[String(index)] === undefined)) {
      await folder.model.dispose()
      throw modelLoadFailed(modelDir, 'config.json has no usable id2label.')
    }
    const classifier = new OnnxTokenClassifier(folder.tokenizer, folder.model, folder.alignment, labels, folder.maxTokens)
    try {
      /* A probe run catches a model whose outputs do not fit its config. */
      const logits = await classifier.#run([folder.tokenizer.unk_token_id ?? 0])
      if (logits.dims.at(-1) !== labels.length) throw new Error(`the model outputs ${logits.dims.at(-1)} labels, config.json lists ${labels.length}`)
    } catch (error) {
      await folder.model.dispose()
      throw modelLoadFailed(modelDir, error instanceof Error ? error.message.split('\n')[0] : 'the probe run failed.')
    }
    return classifier
  }

  /** Entity spans in `text`, sorted by start and non-overlapping. */
  async classify(text: string): Promise<TokenSpan[]> {
    const tokens = this.#tokenizer.tokenize(text, { add_special_tokens: false })
    if (tokens.length === 0) return []
    const ids = this.#tokenizer.convert_tokens_to_ids(tokens).map((id) => id ?? this.#tokenizer.unk_token_id ?? 0)
    const offsets = alignTokens(text, tokens, this.#alignment)
    const predictions = await this.#predict(ids)
    return toSpans(text, offsets, predictions)
  }

  async dispose(): Promise<void> {
    await this.#model.dispose()
  }

  async #predict(ids: number[]): Promise<TokenPrediction[]> {
    const predictions: TokenPrediction[] = new Array(ids.length)
    for (let start = 0; ; start += this.#stride) {
      const windowIds = ids.slice(start, start + this.#window)
      const logits = await this.#run(windowIds)
      const data = logits.data as Float32Array
      const width = this.#labels.length
      const last = start + windowIds.length >= ids.length
      for (let j = 0; j < windowIds.length; j++) {
        /* The text's own start and end are not window cuts: tokens there lack no context. */
        const margin = Math.min(start === 0 ? Infinity : j, last ? Infinity : windowIds.length - 1 - j)
        const index = start + j
        if (predictions[index] && predictions[index].margin >= margin) continue
        const row = data.subarray((this.#frame.prefix.length + j) * width, (this.#frame.prefix.length + j + 1) * width)
        const [best, probability] = softmaxArgmax(row)
        predictions[index] = { label: this.#labels[best], score: probability, margin }
      }
      if (last) break
    }
    return predictions
  }

  async #run(windowIds: number[]): Promise<Tensor> {
    const { Tensor } = await transformers()
    const sequence = [...this.#frame.prefix, ...windowIds, ...this.#frame.suffix]
    const inputIds = new Tensor('int64', BigInt64Array.from(sequence, (id) => BigInt(id)), [1, sequence.length])
    const attentionMask = new Tensor('int64', new BigInt64Array(sequence.length).fill(1n), [1, sequence.length])
    const output = await this.#model({ input_ids: inputIds, attention_mask: attentionMask })
    if (!output.logits) throw new Error('the model has no logits output; is it a token-classification model?')
    return output.logits as Tensor
  }
}

function softmaxArgmax(row: Float32Array): [number, number] {
  let best = 0
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k
  let sum = 0
  for (let k = 0; k < row.length; k++) sum += Math.exp(row[k] - row[best])
  return [best, 1 / sum]
}

/**
 * Merges token predictions into spans. A word (a token and its continuation
 * tokens) takes the label of its first token. Consecutive words of the same
 * entity type form one span unless a word is tagged B-; I- after O starts a
 * span. Tokens that cover no text (whitespace-only tokens) are ignored.
 */
function toSpans(text: string, offsets: TokenOffset[], predictions: TokenPrediction[]): TokenSpan[] {
  const spans: TokenSpan[] = []
  let current: { start: number; end: number; type: string; scores: number[] } | undefined
  let wordLabel: ParsedLabel = { position: 'plain', type: null }
  const close = () => {
    if (!current) return
    let { start, end } = current
    const previousEnd = spans.at(-1)?.end ?? 0
    start = Math.max(start, previousEnd)
    while (start < end && /\s/.test(text[start])) start++
    while (end > start && /\s/.test(text[end - 1])) end--
    if (end > start) {
      const score = current.scores.reduce((sum, s) => sum + s, 0) / current.scores.length
      spans.push({ start, end, label: current.type, score })
    }
    current = undefined
  }
  for (let i = 0; i < offsets.length; i++) {
    const offset = offsets[i]
    if (offset.end <= offset.start) continue
    const prediction = predictions[i]
    if (offset.continuation && i > 0) {
      /* Continuation tokens belong to their word, whatever they predicted themselves. */
      if (current && wordLabel.type !== null) {
        current.end = Math.max(current.end, offset.end)
        current.scores.push(prediction.score)
      }
      continue
    }
    wordLabel = prediction.label
    const type = wordLabel.type
    if (type === null) {
      close()
      continue
    }
    if (current && current.type === type && wordLabel.position !== 'begin') {
      current.end = Math.max(current.end, offset.end)
      current.scores.push(prediction.score)
      continue
    }
    close()
    current = { start: offset.start, end: offset.end, type, scores: [prediction.score] }
  }
  close()
  return spans
}
