/**
 * A table of another module whose rows hold a vector made from a text
 * column. Its owner registers it (in start/vector_indexes.ts) so the ai
 * module can re-embed its rows when the embedder changes. The vector column
 * is an untyped `vector` (embedders differ in dimension) and the embedder
 * column holds the id of the embedder that made each vector; queries filter
 * on it, so an index never mixes embedders.
 */
export interface VectorIndexSpec {
  name: string
  table: string
  idColumn: string
  textColumn: string
  vectorColumn: string
  embedderColumn: string
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

class VectorIndexRegistry {
  #indexes = new Map<string, VectorIndexSpec>()

  register(spec: VectorIndexSpec) {
    for (const identifier of [spec.table, spec.idColumn, spec.textColumn, spec.vectorColumn, spec.embedderColumn]) {
      if (!IDENTIFIER.test(identifier)) throw new Error(`Vector index "${spec.name}": "${identifier}" is not a plain SQL identifier`)
    }
    this.#indexes.set(spec.name, spec)
  }

  unregister(name: string) {
    this.#indexes.delete(name)
  }

  get(name: string): VectorIndexSpec | undefined {
    return this.#indexes.get(name)
  }

  all(): VectorIndexSpec[] {
    return [...this.#indexes.values()]
  }
}

export const vectorIndexRegistry = new VectorIndexRegistry()

/** pgvector's text form of a vector, for `?::vector` bindings. */
export function toVectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`
}
