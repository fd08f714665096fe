/**
 * Sign-in throttling policy, pure: a fixed window of failures per key (an account or an IP);
 * reaching the limit locks the key, and each further lock lasts twice as long as the last.
 */
import { serverEnv } from "@/lib/env";

export type ThrottleBucket = { windowStart: string; count: number; strikes: number; lockedUntil: string | null };

export type ThrottlePolicy = { limit: number; windowMs: number; baseLockMs: number; maxLockMs: number };

export const ACCOUNT_POLICY: ThrottlePolicy = { limit: 5, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 60 * 60_000 };
/** An address may try several accounts (a shared office), so its limit is higher. */
export const IP_POLICY: ThrottlePolicy = {
  limit: serverEnv().SIGN_IN_IP_LIMIT,
  windowMs: 15 * 60_000,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
};

export function lockedUntil(bucket: ThrottleBucket | null | undefined, now: Date): Date | null {
  if (!bucket?.lockedUntil) return null;
  const until = new Date(bucket.lockedUntil);
  return until > now ? until : null;
}

export function afterFailure(bucket: ThrottleBucket | null | undefined, now: Date, policy: ThrottlePolicy): ThrottleBucket {
  const windowOpen = bucket && now.getTime() - new Date(bucket.windowStart).getTime() < policy.windowMs;
  const count = (windowOpen ? bucket.count : 0) + 1;
  const windowStart = windowOpen ? bucket.windowStart : now.toISOString();
  // Strikes survive a new window, so a patient attacker keeps getting longer locks.
  const strikes = bucket?.strikes ?? 0;
  if (count < policy.limit) return { windowStart, count, strikes, lockedUntil: bucket?.lockedUntil ?? null };
  const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** strikes);
  // The count stays at the limit: after the lock ends, the very next failure locks again, for longer.
  return { windowStart, count: policy.limit - 1, strikes: strikes + 1, lockedUntil: new Date(now.getTime() + lockMs).toISOString() };
}

export type WindowBucket = { windowStart: string; count: number };

/**
 * A fixed-window allowance with no lock escalation (reader questions, guest comments): the bucket
 * after one more use, or null when the limit is already reached in this window.
 */
export function takeWindowSlot(bucket: WindowBucket | null | undefined, now: Date, limit: number, windowMs: number): WindowBucket | null {
  const open = bucket && now.getTime() - new Date(bucket.windowStart).getTime() < windowMs;
  if (!open) return { windowStart: now.toISOString(), count: 1 };
  if (bucket.count >= limit) return null;
  return { windowStart: bucket.windowStart, count: bucket.count + 1 };
}

/** How long a bucket's strikes are remembered after its last lock ends (then the next lock is short again). */
export const STRIKE_MEMORY_MS = 24 * 60 * 60_000;

/**
 * When a bucket stops mattering: its window is over, its lock has ended and (if it was ever locked)
 * its strikes are forgotten. The DAL stores this with the row and prunes rows past it.
 */
export function throttleExpiry(bucket: ThrottleBucket, policy: ThrottlePolicy): Date {
  const windowEnd = new Date(bucket.windowStart).getTime() + policy.windowMs;
  const lockEnd = bucket.lockedUntil ? new Date(bucket.lockedUntil).getTime() : 0;
  const strikesEnd = bucket.strikes > 0 ? lockEnd + STRIKE_MEMORY_MS : 0;
  return new Date(Math.max(windowEnd, lockEnd, strikesEnd));
}

export function throttleMessage(until: Date): string {
  const time = until.toISOString().slice(11, 16);
  return `Too many failed sign-in attempts. Try again after ${time} UTC.`;
}
