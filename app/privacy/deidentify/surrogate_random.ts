import { createHmac } from 'node:crypto'

/**
 * A deterministic stream of random numbers from HMAC-SHA256(seed, label),
 * so one scope seed and one original always give the same surrogate.
 */
export class SurrogateRandom {
  readonly #seed: string
  readonly #label: string
  #block = 0
  #bytes = Buffer.alloc(0)
  #offset = 0

  constructor(seed: string, label: string) {
    this.#seed = seed
    this.#label = label
  }

  /** An integer in [0, n). */
  int(n: number): number {
    if (this.#offset + 4 > this.#bytes.length) {
      this.#bytes = createHmac('sha256', this.#seed).update(`${this.#label}#${this.#block++}`).digest()
      this.#offset = 0
    }
    const value = this.#bytes.readUInt32BE(this.#offset)
    this.#offset += 4
    return value % n
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]
  }

  digit(): string {
    return String(this.int(10))
  }

  letter(): string {
    return String.fromCharCode(65 + this.int(26))
  }
}
