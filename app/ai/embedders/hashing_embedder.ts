/**
 * The built-in embedder used when no embedding model is assigned: feature
 * hashing of word unigrams, word bigrams and character trigrams into a fixed
 * number of dimensions, L2-normalised. It matches shared words, spelling
 * variants and typos, not synonyms (SETUP-NOTES). Changing anything here
 * changes the vectors: bump HASHING_EMBEDDER_VERSION so indexes re-embed.
 */
export const HASHING_EMBEDDER_VERSION = 'v1'
export const HASHING_DIMENSION = 384
export const HASHING_EMBEDDER_ID = `hashing-${HASHING_EMBEDDER_VERSION}-${HASHING_DIMENSION}`

const WORD_WEIGHT = 1
const BIGRAM_WEIGHT = 0.5
const TRIGRAM_WEIGHT = 0.25

export function hashingEmbed(text: string, dimension = HASHING_DIMENSION): number[] {
  const vector = new Float64Array(dimension)
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature)
    // The top bit picks the sign so colliding features tend to cancel, not pile up.
    vector[hash % dimension] += hash & 0x80000000 ? -weight : weight
  }
  words.forEach((word, index) => {
    add(`w:${word}`, WORD_WEIGHT)
    if (index > 0) add(`b:${words[index - 1]} ${word}`, BIGRAM_WEIGHT)
    const padded = `<${word}>`
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT)
  })

  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
  return Array.from(vector, (value) => (norm > 0 ? value / norm : 0))
}

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across versions and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
