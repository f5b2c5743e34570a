import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/**
 * The tiny llama GGUF that AI tests load: generated once per run by
 * bin/test.ts (tests/helpers/tiny_llama_gguf.ts), random weights, llama
 * architecture, 4096-token training context, and it never ends a
 * generation before max_tokens.
 */
export function tinyLlamaPath(): string {
  const path = process.env.CLINIBOX_TEST_TINY_LLAMA
  if (!path) throw new Error('CLINIBOX_TEST_TINY_LLAMA is not set: run the tests with `node ace test`')
  return path
}

/** Its size and sha256, which the registry must record. */
export function tinyLlamaFacts(): { size: number; sha256: string } {
  const bytes = readFileSync(tinyLlamaPath())
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}
