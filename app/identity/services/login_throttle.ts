import { createHash } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import { AppError } from '#kernel/index'

/**
 * Failed sign-in attempts are counted per client IP and per account (the
 * email typed, known or not), in PostgreSQL so every web replica shares
 * them. Past either limit, attempts are refused without checking anything.
 */
export const LOGIN_LIMITS = {
  ip: { requests: 20, duration: '15 minutes' },
  account: { requests: 10, duration: '15 minutes' },
} as const

const ipLimiter = () => limiter.use(LOGIN_LIMITS.ip)
const accountLimiter = () => limiter.use(LOGIN_LIMITS.account)

const ipKey = (ip: string) => `login:ip:${ip}`
/** Emails can be long; the key is a hash of the lower-cased email. */
const accountKey = (email: string) => `login:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`

export interface Throttled {
  scope: 'ip' | 'account'
  /** Seconds until the next attempt is allowed. */
  availableIn: number
}

/** Whether the IP (or the account, when given) has used up its attempts. */
export async function loginThrottled(ip: string, email: string | null): Promise<Throttled | null> {
  if ((await ipLimiter().remaining(ipKey(ip))) <= 0) {
    return { scope: 'ip', availableIn: await ipLimiter().availableIn(ipKey(ip)) }
  }
  if (email !== null && (await accountLimiter().remaining(accountKey(email))) <= 0) {
    return { scope: 'account', availableIn: await accountLimiter().availableIn(accountKey(email)) }
  }
  return null
}

/** Counts one failed attempt against the IP and the account. */
export async function countFailedLogin(ip: string, email: string | null) {
  await ipLimiter().increment(ipKey(ip))
  if (email !== null) await accountLimiter().increment(accountKey(email))
}

/** A successful sign-in clears the account's count (not the IP's). */
export async function clearAccountAttempts(email: string) {
  await accountLimiter().delete(accountKey(email))
}

/** 429 TOO_MANY_ATTEMPTS, saying when to try again. */
export function tooManyAttempts(throttled: Throttled) {
  const minutes = Math.max(1, Math.ceil(throttled.availableIn / 60))
  return new AppError('TOO_MANY_ATTEMPTS', `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, 429, {
    retryAfterSeconds: Math.max(1, Math.ceil(throttled.availableIn)),
  })
}
