/**
 * How long a failed job waits before its next attempt: exponential from baseMs, capped, with up to
 * `jitter` of the delay added at random so jobs that failed together (an SMTP outage) don't all
 * retry in the same second. Pure; the random source is a parameter so tests can pin it.
 */
export type BackoffPolicy = { baseMs: number; capMs: number; jitter: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000, jitter: 0.2 };

/** The delay after the given failed attempt (1 = the first attempt failed). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number ≥ 1, got ${attempt}`);
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(exponential * (1 + policy.jitter * random()));
}
