import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { clearFailures, lockOf, recordFailure } from "@/lib/dal/rate-limit";
import { hasTwoFactor } from "@/lib/dal/two-factor";
import { dummyPasswordHash, verifyPassword } from "@/lib/passwords";
import type { Role } from "@/lib/permissions";
import { ACCOUNT_POLICY, IP_POLICY, throttleMessage } from "@/lib/throttle";

export type SignedInUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export type SignInOutcome = { ok: true; user: SignedInUser; needsSecondFactor: boolean } | { ok: false; throttledUntil?: Date };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The sign-in throttle's key for an account (a completed password reset clears it). */
export const accountKey = (email: string) => `signin:account:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks an email and password. Unknown email, wrong password and inactive account all do the
 * same argon2 work and give the same answer; after repeated failures the account (or the
 * address) is locked for a growing period, even for the right password. Everything is audited.
 */
export async function verifyCredentials(emailInput: string, password: string, ip: string): Promise<SignInOutcome> {
  const email = normaliseEmail(emailInput);
  const now = new Date();
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  const actor = user ?? null;

  const lock = writeTransaction((tx) => {
    const until = [lockOf(tx, accountKey(email), now), lockOf(tx, ipKey(ip), now)]
      .filter((d): d is Date => !!d)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (until)
      appendAuditEvent(tx, {
        actor,
        action: "auth.sign_in_throttled",
        targetType: "user",
        targetId: user?.id ?? null,
        summary: { email, ip, until: until.toISOString() },
      });
    return until ?? null;
  });
  if (lock) return { ok: false, throttledUntil: lock };

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = !!user && user.active && passwordOk;
  const needsSecondFactor = ok && hasTwoFactor(user.id);
  const newLock = writeTransaction((tx) => {
    if (ok) {
      clearFailures(tx, accountKey(email));
      // With a second factor, the sign-in completes (and is recorded as such) only after the code.
      if (needsSecondFactor) {
        appendAuditEvent(tx, { actor, action: "auth.sign_in_password_ok", targetType: "user", targetId: user.id, summary: { ip } });
        return null;
      }
      tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, user.id)).run();
      appendAuditEvent(tx, { actor, action: "auth.sign_in", targetType: "user", targetId: user.id, summary: { ip, factors: "password" } });
      return null;
    }
    const reason = !user ? "unknown email" : !user.active ? "inactive" : "wrong password";
    const accountLock = recordFailure(tx, accountKey(email), now, ACCOUNT_POLICY);
    const ipLock = recordFailure(tx, ipKey(ip), now, IP_POLICY);
    appendAuditEvent(tx, {
      actor,
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? null,
      summary: { email, ip, reason },
    });
    const until = accountLock ?? ipLock;
    if (until)
      appendAuditEvent(tx, {
        actor,
        action: "auth.throttle",
        targetType: "user",
        targetId: user?.id ?? null,
        summary: { email, ip, until: until.toISOString() },
      });
    return until;
  });
  if (!ok) return { ok: false, throttledUntil: newLock ?? undefined };
  return {
    ok: true,
    needsSecondFactor,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/** The second step of a sign-in: the user the challenge named, if still active and unchanged. */
export function userForSecondStep(id: number, sessionVersion: number): SignedInUser | null {
  const user = getDb().select().from(users).where(eq(users.id, id)).get();
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** Records the completed two-step sign-in. */
export function recordSignIn(user: SignedInUser, ip: string, factors: string): void {
  writeTransaction((tx) => {
    tx.update(users).set({ lastSignInAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    appendAuditEvent(tx, { actor: user, action: "auth.sign_in", targetType: "user", targetId: user.id, summary: { ip, factors } });
  });
}

export type PasswordChangeOutcome = { ok: true; sessionVersion: number } | { ok: false; field?: "currentPassword"; message: string };

type UserRow = typeof users.$inferSelect;

export type OwnPasswordCheck = { ok: true; user: UserRow } | Extract<PasswordChangeOutcome, { ok: false }>;

/**
 * The first half of the user's own password change, before its transaction (argon2 is async):
 * the current password is required, and a wrong one counts as a failed sign-in (its record and
 * the lockout commit here), so this form can't be used to guess it.
 */
export async function checkOwnPassword(userId: number, currentPassword: string, ip: string): Promise<OwnPasswordCheck> {
  const user = getDb().select().from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active) return { ok: false, message: "Your account is no longer active." };
  const now = new Date();
  const actor = user;
  const locked = writeTransaction((tx) => lockOf(tx, accountKey(user.email), now));
  if (locked) return { ok: false, field: "currentPassword", message: throttleMessage(locked) };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    const lock = writeTransaction((tx) => {
      const until = recordFailure(tx, accountKey(user.email), now, ACCOUNT_POLICY);
      appendAuditEvent(tx, {
        actor,
        action: "account.password_change_failed",
        targetType: "user",
        targetId: user.id,
        summary: { ip, reason: "wrong current password" },
      });
      return until;
    });
    return { ok: false, field: "currentPassword", message: lock ? throttleMessage(lock) : "Your current password is not correct." };
  }
  return { ok: true, user };
}

/**
 * The second half, in one transaction (it joins the caller's): the new hash is stored, the
 * temporary-password flag cleared and the session version bumped, ending other sessions.
 * Returns the new version so the caller can re-issue this browser's session.
 */
export function storeOwnPassword(user: UserRow, passwordHash: string, ip: string): PasswordChangeOutcome {
  const now = new Date();
  const userId = user.id;
  const actor = user;
  return writeTransaction((tx): PasswordChangeOutcome => {
    // Someone (an admin reset, another tab) changed the password while we hashed: start again.
    const fresh = tx
      .select({ passwordHash: users.passwordHash, sessionVersion: users.sessionVersion, active: users.active })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!fresh || !fresh.active || fresh.passwordHash !== user.passwordHash)
      return { ok: false, message: "Your password was changed elsewhere. Sign in again." };
    const sessionVersion = fresh.sessionVersion + 1;
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion, updatedAt: now.toISOString() })
      .where(eq(users.id, userId))
      .run();
    clearFailures(tx, accountKey(user.email));
    appendAuditEvent(tx, {
      actor,
      action: "account.password_change",
      targetType: "user",
      targetId: user.id,
      summary: { ip, wasTemporary: user.mustChangePassword },
    });
    return { ok: true, sessionVersion };
  });
}
