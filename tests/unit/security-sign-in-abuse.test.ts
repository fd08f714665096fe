import { asc } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * Sign-in abuse through the real DAL on a temporary database: the per-IP limit (a spray over
 * many accounts from one address), the audit trail of every outcome, and unknown-email versus
 * wrong-password failures doing the same work.
 */

delete process.env.SIGN_IN_IP_LIMIT;
const temp = useTempDatabase("sign-in-abuse");
const passwords = await import("@/lib/passwords");
const { getDb, writeTransaction } = await import("@/db");
const { users, auditEvents } = await import("@/db/schema");
const { verifyCredentials } = await import("@/lib/dal/users");
const { IP_POLICY, ACCOUNT_POLICY } = await import("@/lib/throttle");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const PASSWORD = "correct horse battery";
let n = 0;
async function user(): Promise<string> {
  const email = `user${n++}@abuse.test`;
  const passwordHash = await passwords.hashPassword(PASSWORD);
  writeTransaction((tx) => tx.insert(users).values({ email, name: email, role: "editor", passwordHash }).run());
  return email;
}
// Ordered by id: selecting only `action` would otherwise read the (action, id) index in action order.
const actions = () =>
  getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(asc(auditEvents.id))
    .all()
    .map((r) => r.action);

describe("sign-in abuse", () => {
  it(`locks an address after ${IP_POLICY.limit} failures spread over many accounts, even for a right password; other addresses still sign in`, async () => {
    const victim = await user();
    const ip = "203.0.113.7";
    for (let i = 0; i < IP_POLICY.limit; i++) {
      // A different account each time: no single account reaches its own limit.
      const outcome = await verifyCredentials(`sprayed${i % 3}-${i}@abuse.test`, "guess", ip);
      expect(outcome.ok).toBe(false);
    }
    const refused = await verifyCredentials(victim, PASSWORD, ip);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.throttledUntil).toBeInstanceOf(Date);
    expect((await verifyCredentials(victim, PASSWORD, "198.51.100.1")).ok).toBe(true);
  }, 120_000);

  it(`locks an account after ${ACCOUNT_POLICY.limit} failures from any mix of addresses`, async () => {
    const email = await user();
    for (let i = 0; i < ACCOUNT_POLICY.limit; i++) await verifyCredentials(email, `wrong-${i}`, `192.0.2.${i}`);
    const outcome = await verifyCredentials(email, PASSWORD, "192.0.2.200");
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.throttledUntil!.getTime()).toBeGreaterThan(Date.now());
  }, 120_000);

  it("audits every sign-in, failure, lock and refused attempt", async () => {
    const email = await user();
    const before = actions().length;
    await verifyCredentials(email, PASSWORD, "192.0.2.50");
    for (let i = 0; i < ACCOUNT_POLICY.limit; i++) await verifyCredentials(email, "wrong", "192.0.2.50");
    await verifyCredentials(email, PASSWORD, "192.0.2.50");
    const added = actions().slice(before);
    expect(added.filter((a) => a === "auth.sign_in")).toHaveLength(1);
    expect(added.filter((a) => a === "auth.sign_in_failed")).toHaveLength(ACCOUNT_POLICY.limit);
    expect(added.filter((a) => a === "auth.throttle")).toHaveLength(1);
    expect(added.filter((a) => a === "auth.sign_in_throttled")).toHaveLength(1);
  }, 120_000);

  it("an unknown email and a wrong password do the same argon2 work (timing figures are logged, not asserted)", async () => {
    const email = await user();
    const spy = vi.spyOn(passwords, "verifyPassword");
    const time = async (address: string, i: number) => {
      const t = performance.now();
      await verifyCredentials(address, `wrong-${i}`, `10.0.${i}.1`);
      return performance.now() - t;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Alternate, and stay under the account limit with fresh accounts, so no lock short-circuits.
    for (let i = 0; i < 8; i++) {
      unknown.push(await time(`nobody-${i}@abuse.test`, i));
      wrong.push(await time(i < ACCOUNT_POLICY.limit - 1 ? email : await user(), 100 + i));
    }
    // Both paths verified exactly one real argon2id hash per attempt.
    expect(spy).toHaveBeenCalledTimes(16);
    for (const [hash] of spy.mock.calls) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(
      `sign-in timing (median of 8): unknown email ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms`,
    );
    spy.mockRestore();
  }, 180_000);
});
