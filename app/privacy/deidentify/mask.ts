/** Every letter and digit becomes `*`; punctuation and spaces stay, so the shape is kept. */
export function maskValue(original: string): string {
  return original.replace(/[\p{L}\p{N}]/gu, '*')
}
