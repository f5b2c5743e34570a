import { randomBytes } from 'node:crypto'
import type { PhiType } from '#privacy/phi_types'

/**
 * What makes de-identification consistent across the documents of one
 * patient or encounter: the same entity gets the same token or surrogate,
 * and every date moves by the same number of days. Plain JSON, so a caller
 * can keep it with the encounter and pass it back for the next document.
 * It holds originals (PHI): store it only encrypted (the vault does).
 */
export interface DeidentifyScope {
  /** Seed of the surrogate generator (hex). */
  seed: string
  /** Days every date is moved by under `surrogate` (negative); chosen on first use. */
  dateShiftDays: number | null
  /** `TYPE:normalised original` → token such as `[NAME_1]`. */
  tokens: Record<string, string>
  /** Tokens handed out per type. */
  tokenCounts: Partial<Record<PhiType, number>>
  /** `TYPE:normalised original` (and `NAME_PART:part` for name parts) → surrogate. */
  surrogates: Record<string, string>
  /** `TYPE:lowercased surrogate` of surrogates handed out, so two entities never share one. */
  usedSurrogates: Record<string, true>
}

export function createDeidentifyScope(options: { seed?: string; dateShiftDays?: number } = {}): DeidentifyScope {
  return {
    seed: options.seed ?? randomBytes(16).toString('hex'),
    dateShiftDays: options.dateShiftDays ?? null,
    tokens: {},
    tokenCounts: {},
    surrogates: {},
    usedSurrogates: {},
  }
}

/** The key of an entity in a scope: its type and its text, case- and whitespace-insensitive. */
export function entityKey(type: string, original: string): string {
  return `${type}:${original.toLowerCase().replace(/\s+/g, ' ').trim()}`
}
