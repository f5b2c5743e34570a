import { DateTime } from 'luxon'

/**
 * The one source of "now" for services, so tests can reason about time.
 * Times are UTC; clinic-local display converts at the edge.
 */
export const clock = {
  now(): DateTime {
    return DateTime.utc()
  },
}
