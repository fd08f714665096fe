import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, afterFailure, lockedUntil, throttleMessage, type ThrottleBucket } from "@/lib/throttle";

const t0 = new Date("2026-11-23T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, bucket: ThrottleBucket | null = null, start = 0) {
  for (let i = 0; i < times; i++) bucket = afterFailure(bucket, at(start + i * 1000), ACCOUNT_POLICY);
  return bucket!;
}

describe("sign-in throttling", () => {
  it("allows four failures and locks on the fifth within 15 minutes", () => {
    expect(lockedUntil(fail(4), at(5000))).toBeNull();
    const locked = fail(5);
    expect(lockedUntil(locked, at(5000))?.toISOString()).toBe(at(4000 + 60_000).toISOString());
  });

  it("forgets failures spread over more than the window", () => {
    let bucket: ThrottleBucket | null = null;
    for (let i = 0; i < 10; i++) bucket = afterFailure(bucket, at(i * 4 * 60_000), ACCOUNT_POLICY);
    expect(lockedUntil(bucket, at(40 * 60_000))).toBeNull();
  });

  it("doubles the lock with each further failure after a lock ends", () => {
    let bucket = fail(5);
    const firstLock = new Date(bucket.lockedUntil!).getTime() - at(4000).getTime();
    bucket = afterFailure(bucket, at(2 * 60_000), ACCOUNT_POLICY);
    const secondLock = new Date(bucket.lockedUntil!).getTime() - at(2 * 60_000).getTime();
    bucket = afterFailure(bucket, at(5 * 60_000), ACCOUNT_POLICY);
    const thirdLock = new Date(bucket.lockedUntil!).getTime() - at(5 * 60_000).getTime();
    expect([firstLock, secondLock, thirdLock]).toEqual([60_000, 120_000, 240_000]);
  });

  it("keeps the longer locks for a returning attacker, capped at an hour", () => {
    let bucket: ThrottleBucket | null = null;
    const locks: number[] = [];
    for (let round = 0; round < 10; round++) {
      const start = round * 3 * 3_600_000;
      bucket = fail(5, bucket, start);
      locks.push(new Date(bucket.lockedUntil!).getTime() - at(start + 4000).getTime());
    }
    expect(locks.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(locks.at(-1)).toBe(3_600_000);
  });

  it("says when to try again", () => {
    expect(throttleMessage(new Date("2026-11-23T14:07:30Z"))).toBe("Too many failed sign-in attempts. Try again after 14:07 UTC.");
  });
});
