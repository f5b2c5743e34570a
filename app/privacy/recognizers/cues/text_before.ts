/*
| Cheap checks on the text before a word, done before the cue regexes: a
| regex anchored at the end of a window still tries every position of
| it, and most words have no cue before them at all. The checks only ever
| say "cannot match"; the regex still decides.
*/

const SPACE = /\s/

/** The same characters as the regex `\s`. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return SPACE.test(String.fromCharCode(code))
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

/** The ASCII letters right before the white space that ends `window`, in lowercase ('' when it does not end in white space). */
export function lastWordBeforeSpace(window: string): string {
  let end = window.length
  if (end === 0 || !isSpace(window.charCodeAt(end - 1))) return ''
  while (end > 0 && isSpace(window.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && isAsciiLetter(window.charCodeAt(start - 1))) start--
  return window.slice(start, end).toLowerCase()
}

/** The last character of `window` that is not white space ('' when there is none). */
export function lastNonSpace(window: string): string {
  let end = window.length
  while (end > 0 && isSpace(window.charCodeAt(end - 1))) end--
  return end > 0 ? window[end - 1] : ''
}
