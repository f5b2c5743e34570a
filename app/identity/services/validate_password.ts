import { dictionary } from '@zxcvbn-ts/language-common'
import { ValidationError } from '#kernel/index'

export const PASSWORD_MIN_LENGTH = 12
/** Longer inputs only cost hashing time. */
export const PASSWORD_MAX_LENGTH = 256

let commonPasswords: Set<string> | null = null

/** zxcvbn's list of common passwords (about 49,000), lower-cased, loaded once. */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()))
  return commonPasswords.has(password.toLowerCase())
}

/**
 * The password policy: at least 12 characters, not one of the commonly
 * used passwords, and not the account's email. Returns what is wrong with
 * the password, or null when it is acceptable.
 */
export function passwordProblem(password: string, email?: string | null): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`
  if (isCommonPassword(password)) return 'This password is too common; choose another one'
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be your email address'
  return null
}

/**
 * Throws a ValidationError (422 VALIDATION_FAILED; on a console form, an
 * error on `field`) when the password breaks the policy.
 */
export function validatePassword(password: string, email?: string | null, field = 'password') {
  const problem = passwordProblem(password, email)
  if (problem) throw new ValidationError([{ location: 'body', field, rule: 'password_policy', message: problem }])
}
