import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * Limiter rows expire on their own and can't grow without bound (issue 20, part 4), through the
 * real DAL on a temporary database: every write carries its expiry, an expired row reads as
 * absent, writes prune expired rows faster than they add rows, and a flood of distinct live keys
 * is held to the cap.
 */

const temp = useTempDatabase("rate-limit");
const CAP = 300;
process.env.RATE_LIMIT_MAX_ROWS = String(CAP);
const { getDb, writeTransaction } = await import("@/db");
const limits = await import("@/lib/dal/rate-limit");
const { ACCOUNT_POLICY, STRIKE_MEMORY_MS } = await import("@/lib/throttle");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

beforeEach(() => {
  getDb().$client.exec("DELETE FROM rate_limits;");
});

const rows = () => getDb().$client.prepare("SELECT count(*) AS n FROM rate_limits").get() as { n: number };
const row = (key: string) =>
  getDb().$client.prepare("SELECT * FROM rate_limits WHERE key = ?").get(key) as { count: number; expires_at: string } | undefined;
const T0 = new Date("2026-12-07T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 60 * 60_000;

describe("limiter rows expire on their own", () => {
  it("a slot's row expires when its window ends and then reads as absent", () => {
    writeTransaction((tx) => expect(limits.takeSlot(tx, "q:a", T0, 2, HOUR)).toBe(true));
    expect(row("q:a")?.expires_at).toBe(at(HOUR).toISOString());
    writeTransaction((tx) => expect(limits.takeSlot(tx, "q:a", at(1000), 2, HOUR)).toBe(true));
    writeTransaction((tx) => expect(limits.takeSlot(tx, "q:a", at(2000), 2, HOUR)).toBe(false));
    // Past the expiry the full bucket no longer counts, pruned or not.
    writeTransaction((tx) => expect(limits.takeSlot(tx, "q:a", at(HOUR), 2, HOUR)).toBe(true));
    expect(row("q:a")?.count).toBe(1);
  });

  it("a locked sign-in bucket lives until its strikes are forgotten, a day after the lock ends", () => {
    let lock: Date | null = null;
    for (let i = 0; i < ACCOUNT_POLICY.limit; i++) lock = writeTransaction((tx) => limits.recordFailure(tx, "acct:x", T0, ACCOUNT_POLICY));
    expect(lock).not.toBeNull();
    expect(row("acct:x")?.expires_at).toBe(new Date(lock!.getTime() + STRIKE_MEMORY_MS).toISOString());
    expect(writeTransaction((tx) => limits.lockOf(tx, "acct:x", at(1000)))).toEqual(lock);
    // An unlocked bucket with one failure lasts only its window.
    writeTransaction((tx) => limits.recordFailure(tx, "acct:y", T0, ACCOUNT_POLICY));
    expect(row("acct:y")?.expires_at).toBe(at(ACCOUNT_POLICY.windowMs).toISOString());
  });

  it("writes prune expired rows, more than they add, so a burst of old keys drains", () => {
    for (let i = 0; i < 100; i++) writeTransaction((tx) => limits.takeSlot(tx, `old:${i}`, T0, 5, HOUR));
    expect(rows().n).toBe(100);
    // A day later, each new write removes up to PRUNE_BATCH of the expired rows.
    const later = at(24 * HOUR);
    for (let i = 0; i < 7; i++) writeTransaction((tx) => limits.takeSlot(tx, `new:${i}`, later, 5, HOUR));
    expect(rows().n).toBe(7);
    expect(writeTransaction((tx) => limits.pruneRateLimits(tx, later))).toBe(0);
  });

  it("a flood of distinct live keys is held to the cap, the rows nearest their expiry giving way", () => {
    // A locked account first: its expiry is a day away, so it outlives the flood's hour-long rows.
    for (let i = 0; i < ACCOUNT_POLICY.limit; i++) writeTransaction((tx) => limits.recordFailure(tx, "acct:victim", T0, ACCOUNT_POLICY));
    // Ten times the cap of distinct keys, all live (each window an hour long): the write path counts
    // the table every CAP_CHECK_EVERY new keys and trims it back to the cap.
    let most = 0;
    for (let i = 0; i < CAP * 10; i++) {
      writeTransaction((tx) => limits.takeSlot(tx, `flood:${i}`, at(i), 5, HOUR));
      if (i % 50 === 0) most = Math.max(most, rows().n);
    }
    expect(most).toBeLessThanOrEqual(CAP + limits.CAP_CHECK_EVERY);
    expect(rows().n).toBeLessThanOrEqual(CAP + limits.CAP_CHECK_EVERY);
    expect(row("acct:victim")).toBeDefined();
    // The oldest flood rows (earliest expiry) went, the newest stayed.
    expect(row("flood:0")).toBeUndefined();
    expect(row(`flood:${CAP * 10 - 1}`)).toBeDefined();
    // Asked directly, the trim leaves exactly the cap.
    writeTransaction((tx) => limits.pruneRateLimits(tx, at(CAP * 10), { checkCap: true }));
    expect(rows().n).toBe(CAP);
  });
});
