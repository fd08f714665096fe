import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/jobs/backoff";
import { isKnownTimeZone, nextOccurrence } from "@/lib/jobs/schedule";

describe("retry backoff", () => {
  const policy = { baseMs: 1000, capMs: 60_000, jitter: 0 };

  it("doubles from the base after each failed attempt, up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it("adds at most the jitter fraction, never less than the exponential delay", () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(retryDelayMs(3, jittered, () => 0)).toBe(4000);
    expect(retryDelayMs(3, jittered, () => 0.999999)).toBe(4800);
  });

  it("refuses an attempt number that is not a whole number from 1", () => {
    expect(() => retryDelayMs(0, policy)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, policy)).toThrow(RangeError);
  });
});

describe("recurring schedule in the site's time zone", () => {
  it("keeps a daily 08:00 at 08:00 local across the spring DST change (Europe/London)", () => {
    // The clocks go forward on 29 March 2026: 08:00 is 08:00 GMT the day before, 08:00 BST after.
    expect(nextOccurrence("0 8 * * *", "Europe/London", new Date("2026-03-28T06:00:00Z")).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(nextOccurrence("0 8 * * *", "Europe/London", new Date("2026-03-28T09:00:00Z")).toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("keeps it across the autumn change too (America/New_York, 1 November 2026)", () => {
    expect(nextOccurrence("0 8 * * *", "America/New_York", new Date("2026-10-31T13:00:00Z")).toISOString()).toBe(
      "2026-11-01T13:00:00.000Z",
    );
    expect(nextOccurrence("0 8 * * *", "America/New_York", new Date("2026-10-30T13:00:00Z")).toISOString()).toBe(
      "2026-10-31T12:00:00.000Z",
    );
  });

  it("fires a minute tick on the next whole minute, strictly after the given time", () => {
    expect(nextOccurrence("* * * * *", "UTC", new Date("2026-12-04T10:15:00.000Z")).toISOString()).toBe("2026-12-04T10:16:00.000Z");
    expect(nextOccurrence("* * * * *", "UTC", new Date("2026-12-04T10:15:30.500Z")).toISOString()).toBe("2026-12-04T10:16:00.000Z");
  });

  it("tells known time zones from unknown ones", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
