import "server-only";
import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rateLimits } from "@/db/schema";
import { serverEnv } from "@/lib/env";
import { afterFailure, lockedUntil, takeWindowSlot, throttleExpiry, type ThrottleBucket, type ThrottlePolicy } from "@/lib/throttle";

/**
 * Every limiter's counts (sign-in, signing, password reset, reader questions, guest comments) in
 * SQLite, so a restart doesn't reset them. Each row carries the time it stops mattering
 * (`expires_at`): a row past it reads as absent, and every write prunes a few such rows, more than
 * it adds, so expired rows never pile up. A flood of distinct keys (invented email addresses, many
 * client addresses) within their windows is bounded by a cap: every CAP_CHECK_EVERY new keys the
 * table is counted, and past RATE_LIMIT_MAX_ROWS (env module) the rows nearest their expiry give way.
 */

/** Expired rows removed per write: more than one write adds, so the backlog drains. */
export const PRUNE_BATCH = 16;
/** New keys between two counts of the table (a count reads a whole index, so not on every write). */
export const CAP_CHECK_EVERY = 64;

export type PruneOptions = { batch?: number; maxRows?: number; checkCap?: boolean };

let newKeysSinceCapCheck = 0;

/**
 * Deletes up to `batch` expired rows and, when asked (or every CAP_CHECK_EVERY new keys), trims the
 * table to `maxRows` by dropping the rows nearest their expiry. Returns how many rows went.
 */
export function pruneRateLimits(tx: Tx, now: Date, opts: PruneOptions = {}): number {
  const batch = opts.batch ?? PRUNE_BATCH;
  const expired = tx
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(lte(rateLimits.expiresAt, now.toISOString()))
    .orderBy(asc(rateLimits.expiresAt))
    .limit(batch)
    .all()
    .map((r) => r.key);
  if (expired.length) tx.delete(rateLimits).where(inArray(rateLimits.key, expired)).run();
  if (!opts.checkCap) return expired.length;
  const maxRows = opts.maxRows ?? serverEnv().RATE_LIMIT_MAX_ROWS;
  const rows = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM rate_limits`).n;
  if (rows <= maxRows) return expired.length;
  // Rows without an expiry (written by code that predates it) sort first and go first.
  tx.run(sql`DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits ORDER BY expires_at LIMIT ${rows - maxRows})`);
  return expired.length + rows - maxRows;
}

/** Writes a bucket with its expiry, then prunes (and, every so many new keys, checks the cap). */
function store(tx: Tx, key: string, values: Omit<typeof rateLimits.$inferInsert, "key">, isNew: boolean, now: Date): void {
  tx.insert(rateLimits)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: rateLimits.key, set: values })
    .run();
  const checkCap = isNew && ++newKeysSinceCapCheck >= CAP_CHECK_EVERY;
  if (checkCap) newKeysSinceCapCheck = 0;
  pruneRateLimits(tx, now, { checkCap });
}

/** The key's row, or undefined when there is none or it has expired (pruned or not yet). */
function liveRow(tx: Tx, key: string, now: Date) {
  const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
  if (!row || (row.expiresAt && row.expiresAt <= now.toISOString())) return undefined;
  return row;
}

function bucket(tx: Tx, key: string, now: Date): ThrottleBucket | undefined {
  return liveRow(tx, key, now);
}

export function lockOf(tx: Tx, key: string, now: Date): Date | null {
  return lockedUntil(bucket(tx, key, now), now);
}

/** Records one failure for key; returns the lock it caused, if any. */
export function recordFailure(tx: Tx, key: string, now: Date, policy: ThrottlePolicy): Date | null {
  const before = bucket(tx, key, now);
  const next = afterFailure(before, now, policy);
  store(tx, key, { ...next, expiresAt: throttleExpiry(next, policy).toISOString() }, !before, now);
  return lockedUntil(next, now);
}

export function clearFailures(tx: Tx, key: string): void {
  tx.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/**
 * A fixed-window allowance (reader questions, guest comments): takes one slot for key, or returns
 * false when `limit` are already taken in the window (nothing is written then).
 */
export function takeSlot(tx: Tx, key: string, now: Date, limit: number, windowMs: number): boolean {
  const before = liveRow(tx, key, now);
  const next = takeWindowSlot(before, now, limit, windowMs);
  if (!next) return false;
  const expiresAt = new Date(new Date(next.windowStart).getTime() + windowMs).toISOString();
  store(tx, key, { ...next, strikes: 0, lockedUntil: null, expiresAt }, !before, now);
  return true;
}
