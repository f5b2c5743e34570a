import { AppError } from '#kernel/index'

/**
 * Refuses text the engine must not guess about: empty, larger than the
 * configured maximum (413), or holding U+FFFD, which is what a decoder
 * leaves where the bytes were not UTF-8 (PHI could hide in what was lost).
 */
export function checkText(text: string, maxChars: number) {
  if (text.trim().length === 0) throw AppError.unprocessable('PHI_TEXT_EMPTY', 'The text is empty.')
  if (text.length > maxChars) {
    throw new AppError('PHI_TEXT_TOO_LARGE', `The text is longer than the ${maxChars} characters allowed.`, 413, { maxChars, chars: text.length })
  }
  if (text.includes('\uFFFD')) {
    throw AppError.unprocessable('PHI_TEXT_NOT_UTF8', 'The text holds bytes that are not UTF-8 (U+FFFD replacement characters); send it as UTF-8.')
  }
}
