import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { recoveryCodes, twoFactor, users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { queueMail } from "@/lib/dal/mail";
import { clearFailures, lockOf, recordFailure } from "@/lib/dal/rate-limit";
import { absoluteUrl } from "@/lib/reader/site-url";
import { ACCOUNT_POLICY, throttleMessage } from "@/lib/throttle";
import { twoFactorKey } from "@/lib/two-factor-key";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  looksLikeTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
} from "@/lib/two-factor";

/**
 * Two-factor authentication (TOTP) for staff: enrolment, the code check used by sign-in, signing
 * and enrolment's own confirmation, recovery codes, and the admin reset. A wrong code counts on
 * the user's own throttle (like a wrong password: 5 in 15 minutes lock it, for longer each time);
 * every check, right or wrong, is audited.
 */

type Who = { id: number; email: string };
export type SecondFactorPurpose = "sign_in" | "sign_off" | "enrol";
export type SecondFactorMethod = "totp" | "recovery";
export type SecondFactorCheck = { ok: true; method: SecondFactorMethod; step: number } | { ok: false; message: string };

const codeKey = (userId: number) => `2fa:user:${userId}`;

export type TwoFactorStatus = { enabled: boolean; enabledAt: string | null; pending: boolean; recoveryCodesLeft: number };

export function twoFactorStatus(userId: number): TwoFactorStatus {
  const row = getDb().select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)).get();
  const left = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get();
  return {
    enabled: !!row?.enabledAt,
    enabledAt: row?.enabledAt ?? null,
    pending: !!row && !row.enabledAt,
    recoveryCodesLeft: left?.n ?? 0,
  };
}

export const hasTwoFactor = (userId: number): boolean => twoFactorStatus(userId).enabled;

/** Starts (or restarts) enrolment with a new secret; an enabled second factor is never replaced here. */
export function startEnrolment(user: Who): "started" | "already_enabled" {
  return writeTransaction((tx): "started" | "already_enabled" => {
    const row = tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, user.id)).get();
    if (row?.enabledAt) return "already_enabled";
    const secretEnc = encryptSecret(newTotpSecret(), twoFactorKey());
    tx.insert(twoFactor)
      .values({ userId: user.id, secretEnc, lastUsedStep: 0 })
      .onConflictDoUpdate({ target: twoFactor.userId, set: { secretEnc, lastUsedStep: 0, createdAt: new Date().toISOString() } })
      .run();
    appendAuditEvent(tx, { actor: user, action: "account.2fa_enrol_started", targetType: "user", targetId: user.id });
    return "started";
  });
}

/** The key and otpauth URI of a waiting enrolment, to show once as a QR code and as text. */
export function pendingEnrolment(user: Who): { secret: string; uri: string } | null {
  const row = getDb().select().from(twoFactor).where(eq(twoFactor.userId, user.id)).get();
  if (!row || row.enabledAt) return null;
  const secret = decryptSecret(row.secretEnc, twoFactorKey());
  return { secret, uri: otpauthUri(secret, user.email, "Vetted") };
}

/**
 * Checks a code for `purpose` outside any action transaction (its failure record must commit even
 * though the caller then refuses). For sign-in, a recovery code is accepted too and is spent here.
 * The accepted TOTP step is stored, so the same code can't be used twice.
 */
export function checkSecondFactor(user: Who, code: string, purpose: SecondFactorPurpose, ip: string): SecondFactorCheck {
  const now = new Date();
  return writeTransaction((tx): SecondFactorCheck => {
    const locked = lockOf(tx, codeKey(user.id), now);
    if (locked) {
      appendAuditEvent(tx, {
        actor: user,
        action: "auth.2fa_throttled",
        targetType: "user",
        targetId: user.id,
        summary: { purpose, ip, until: locked.toISOString() },
      });
      return { ok: false, message: throttleMessage(locked).replace("sign-in attempts", "codes") };
    }
    const row = tx.select().from(twoFactor).where(eq(twoFactor.userId, user.id)).get();
    const wantEnabled = purpose !== "enrol";
    if (!row || !!row.enabledAt !== wantEnabled)
      return { ok: false, message: wantEnabled ? "Two-factor sign-in is not set up for this account." : "Start the set-up again." };

    let outcome: { ok: true; method: SecondFactorMethod; step: number } | { ok: false; reason: "wrong" | "reused" };
    if (looksLikeTotp(code)) {
      const check = checkTotp(decryptSecret(row.secretEnc, twoFactorKey()), code, row.lastUsedStep, now.getTime());
      outcome = check.ok ? { ok: true, method: "totp", step: check.step } : check;
    } else if (purpose === "sign_in") {
      const spent = tx
        .update(recoveryCodes)
        .set({ usedAt: now.toISOString() })
        .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id })
        .get();
      outcome = spent ? { ok: true, method: "recovery", step: row.lastUsedStep } : { ok: false, reason: "wrong" };
    } else {
      outcome = { ok: false, reason: "wrong" };
    }

    if (outcome.ok) {
      if (outcome.method === "totp") tx.update(twoFactor).set({ lastUsedStep: outcome.step }).where(eq(twoFactor.userId, user.id)).run();
      clearFailures(tx, codeKey(user.id));
      appendAuditEvent(tx, {
        actor: user,
        action: "auth.2fa_passed",
        targetType: "user",
        targetId: user.id,
        summary: { purpose, ip, method: outcome.method },
      });
      return outcome;
    }
    const until = recordFailure(tx, codeKey(user.id), now, ACCOUNT_POLICY);
    appendAuditEvent(tx, {
      actor: user,
      action: "auth.2fa_failed",
      targetType: "user",
      targetId: user.id,
      summary: { purpose, ip, reason: outcome.reason },
    });
    if (until) {
      appendAuditEvent(tx, {
        actor: user,
        action: "auth.2fa_throttle",
        targetType: "user",
        targetId: user.id,
        summary: { purpose, ip, until: until.toISOString() },
      });
      return { ok: false, message: throttleMessage(until).replace("sign-in attempts", "codes") };
    }
    return {
      ok: false,
      message:
        outcome.reason === "reused"
          ? "That code was already used. Wait for the next code in your app."
          : purpose === "sign_in"
            ? "That code is not correct. Enter the current 6-digit code from your app, or a recovery code."
            : "That code is not correct. Enter the current 6-digit code from your app.",
    };
  });
}

/** Turns on a confirmed enrolment and returns its ten recovery codes (shown once; only hashes are kept). */
export function enableTwoFactor(user: Who, step: number): string[] {
  return writeTransaction((tx): string[] => {
    const row = tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, user.id)).get();
    if (!row || row.enabledAt) return [];
    const now = new Date().toISOString();
    tx.update(twoFactor).set({ enabledAt: now, lastUsedStep: step }).where(eq(twoFactor.userId, user.id)).run();
    const codes = newRecoveryCodes();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
    tx.insert(recoveryCodes)
      .values(codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })))
      .run();
    appendAuditEvent(tx, {
      actor: user,
      action: "account.2fa_enabled",
      targetType: "user",
      targetId: user.id,
      summary: { recoveryCodes: codes.length },
    });
    return codes;
  });
}

/** An admin clears a user's second factor (lost phone): audited, and the user is told by mail. */
export function resetTwoFactor(admin: Who, userId: number): "reset" | "not_enrolled" | "no_user" {
  return writeTransaction((tx): "reset" | "not_enrolled" | "no_user" => {
    const target = tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get();
    if (!target) return "no_user";
    const removed = tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).returning({ userId: twoFactor.userId }).get();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    clearFailures(tx, codeKey(userId));
    if (!removed) return "not_enrolled";
    const now = new Date();
    appendAuditEvent(tx, {
      actor: admin,
      action: "user.2fa_reset",
      targetType: "user",
      targetId: userId,
      summary: { email: target.email },
    });
    queueMail(tx, {
      key: `2fa_reset:${userId}:${now.getTime()}`,
      kind: "two_factor_reset",
      to: { address: target.email, userId },
      subject: "Two-factor sign-in was reset on your Vetted account",
      content: {
        greeting: `${target.name},`,
        paragraphs: [
          `An administrator (${admin.email}) reset two-factor sign-in on your Vetted account on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC. Your authenticator app's Vetted entry and your recovery codes no longer work.`,
          "Sign in with your password and set up two-factor sign-in again under Account → Security. If you didn't ask for this, tell your Vetted administrator at once.",
        ],
        action: { label: "Set up two-factor sign-in", url: absoluteUrl("/account/security") },
        footer: "This is a security message about your Vetted account, so it can't be turned off.",
      },
    });
    return "reset";
  });
}
