import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { rateLimits } from "@/db/schema";
import { afterFailure, lockedUntil, type ThrottleBucket, type ThrottlePolicy } from "@/lib/throttle";

function bucket(tx: Tx, key: string): ThrottleBucket | undefined {
  return tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
}

export function lockOf(tx: Tx, key: string, now: Date): Date | null {
  return lockedUntil(bucket(tx, key), now);
}

/** Records one failure for key; returns the lock it caused, if any. */
export function recordFailure(tx: Tx, key: string, now: Date, policy: ThrottlePolicy): Date | null {
  const next = afterFailure(bucket(tx, key), now, policy);
  tx.insert(rateLimits)
    .values({ key, ...next })
    .onConflictDoUpdate({ target: rateLimits.key, set: next })
    .run();
  return lockedUntil(next, now);
}

export function clearFailures(tx: Tx, key: string): void {
  tx.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}
