import "server-only";
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { mailMessages, passwordResetTokens, users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { queueMail } from "@/lib/dal/mail";
import { clearFailures, lockOf, recordFailure } from "@/lib/dal/rate-limit";
import { accountKey as signInAccountKey, normaliseEmail } from "@/lib/dal/users";
import { renderMailHtml, renderMailText } from "@/lib/mail/render";
import {
  FORGOT_PATH,
  hashResetToken,
  newResetToken,
  passwordChangedMailContent,
  PASSWORD_CHANGED_SUBJECT,
  redactResetLinks,
  RESET_ACCOUNT_POLICY,
  RESET_MAIL_SUBJECT,
  RESET_PATH,
  RESET_TOKEN_PATTERN,
  RESET_TOKEN_TTL_MS,
  resetIpPolicy,
  resetMailContent,
  resetTokenState,
  type ResetTokenState,
} from "@/lib/password-reset";
import { absoluteUrl } from "@/lib/reader/site-url";
import { IP_POLICY } from "@/lib/throttle";

/**
 * Password reset by email (docs/ARCHITECTURE.md, SECURITY.md). A request is answered the same
 * whether or not the address has an account; a link carries a single-use token of which only the
 * SHA-256 is stored, valid 30 minutes; completing it sets the password, ends every session and
 * tells the user by mail.
 */

export const RESET_MAIL_KIND = "password_reset";
export const PASSWORD_CHANGED_MAIL_KIND = "password_changed";

const requestAccountKey = (email: string) => `reset:account:${email}`;
const requestIpKey = (ip: string) => `reset:ip:${ip}`;
const RESET_IP_POLICY = resetIpPolicy(IP_POLICY.limit);

const latest = (...dates: (Date | null)[]) => dates.filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;

/**
 * Counts one request against the address asked about (whether or not it has an account, so a
 * lock says nothing about existence) and against the client's address, in its own committed
 * transaction. Returns the lock that refuses this request, or null when it may go ahead.
 */
export function takeResetRequestSlot(emailInput: string, ip: string, now = new Date()): Date | null {
  const email = normaliseEmail(emailInput);
  return writeTransaction((tx) => {
    const until = latest(lockOf(tx, requestAccountKey(email), now), lockOf(tx, requestIpKey(ip), now));
    if (until) {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      appendAuditEvent(tx, {
        actor: null,
        action: "auth.password_reset_throttled",
        targetType: "user",
        targetId: user?.id ?? null,
        summary: { email, ip, until: until.toISOString() },
      });
      return until;
    }
    recordFailure(tx, requestAccountKey(email), now, RESET_ACCOUNT_POLICY);
    recordFailure(tx, requestIpKey(ip), now, RESET_IP_POLICY);
    return null;
  });
}

export type ResetRequestOutcome = "sent" | "no_account" | "inactive";

/**
 * Issues a reset link to an active account: older unspent links are set aside, the token's hash
 * stored and the mail queued, in one transaction. For an unknown or inactive address the same
 * token and mail are made and dropped, so both answers cost the same work; the outcome is for the
 * audit record and tests only, never for the requester.
 */
export function requestPasswordReset(emailInput: string, ip: string, now = new Date()): ResetRequestOutcome {
  const email = normaliseEmail(emailInput);
  const { token, tokenHash } = newResetToken();
  const resetUrl = absoluteUrl(`${RESET_PATH}?token=${token}`);
  const forgotUrl = absoluteUrl(FORGOT_PATH);
  return writeTransaction((tx) => {
    const user = tx
      .select({ id: users.id, email: users.email, name: users.name, active: users.active })
      .from(users)
      .where(eq(users.email, email))
      .get();
    const outcome: ResetRequestOutcome = !user ? "no_account" : !user.active ? "inactive" : "sent";
    const content = resetMailContent(user?.name ?? "Hello", resetUrl, forgotUrl);
    if (user && outcome === "sent") {
      setAsideOpenTokens(tx, user.id, now);
      const row = tx
        .insert(passwordResetTokens)
        .values({ userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS).toISOString() })
        .returning({ id: passwordResetTokens.id })
        .get();
      queueMail(tx, {
        key: `password_reset:${row.id}`,
        kind: RESET_MAIL_KIND,
        to: { address: user.email, userId: user.id },
        subject: RESET_MAIL_SUBJECT,
        content,
      });
    } else {
      renderMailText(content);
      renderMailHtml(content, RESET_MAIL_SUBJECT);
    }
    appendAuditEvent(tx, {
      actor: null,
      action: "auth.password_reset_requested",
      targetType: "user",
      targetId: user?.id ?? null,
      summary: { email, ip, outcome },
    });
    return outcome;
  });
}

/** Spends every unspent link of a user (a newer request, or a completed reset) and cuts them out of the outbox. */
function setAsideOpenTokens(tx: Tx, userId: number, now: Date): void {
  tx.update(passwordResetTokens)
    .set({ invalidatedAt: now.toISOString() })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt), isNull(passwordResetTokens.invalidatedAt)))
    .run();
  redactUserResetMail(tx, userId);
}

function redactUserResetMail(tx: Tx, userId: number): void {
  const open = tx
    .select({ id: mailMessages.id, textBody: mailMessages.textBody, htmlBody: mailMessages.htmlBody })
    .from(mailMessages)
    .where(and(eq(mailMessages.toUserId, userId), eq(mailMessages.kind, RESET_MAIL_KIND), like(mailMessages.textBody, "%?token=%")))
    .all();
  for (const m of open) {
    tx.update(mailMessages)
      .set({ textBody: redactResetLinks(m.textBody), htmlBody: redactResetLinks(m.htmlBody) })
      .where(eq(mailMessages.id, m.id))
      .run();
  }
}

export type ResetLinkUser = { id: number; email: string; name: string };
export type ResetLinkCheck = { state: "valid"; user: ResetLinkUser; tokenId: number } | { state: Exclude<ResetTokenState, "valid"> };

function findToken(tx: Pick<Tx, "select">, token: string) {
  if (!RESET_TOKEN_PATTERN.test(token)) return undefined;
  return tx
    .select({
      id: passwordResetTokens.id,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
      invalidatedAt: passwordResetTokens.invalidatedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)))
    .get();
}

/** What a link's token is worth now (read only: opening the page spends nothing). An inactive user's link is unknown. */
export function checkResetToken(token: string, now = new Date()): ResetLinkCheck {
  const row = findToken(getDb(), token);
  if (row && !row.active) return { state: "unknown" };
  const state = resetTokenState(row, now);
  if (state !== "valid" || !row) return { state: state === "valid" ? "unknown" : state };
  return { state, tokenId: row.id, user: { id: row.userId, email: row.email, name: row.name } };
}

/** Records a refused attempt with a link that exists but is spent or expired (unknown tokens are noise). */
export function auditRefusedReset(token: string, state: ResetTokenState, ip: string): void {
  writeTransaction((tx) => {
    const row = findToken(tx, token);
    if (!row) return;
    appendAuditEvent(tx, {
      actor: null,
      action: "auth.password_reset_refused",
      targetType: "user",
      targetId: row.userId,
      summary: { ip, reason: state },
    });
  });
}

export type CompleteResetOutcome = { ok: true; userId: number } | { ok: false; state: Exclude<ResetTokenState, "valid"> };

/**
 * Completes a reset in one transaction (it joins the caller's): the token is spent (only if still
 * unspent, so two tabs can't both use it), the new hash stored, the temporary-password flag
 * cleared, the session version bumped (every session ends), the user's other links set aside, the
 * sign-in lock cleared, the change audited and the user told by mail.
 */
export function completePasswordReset(token: string, passwordHash: string, ip: string, now = new Date()): CompleteResetOutcome {
  return writeTransaction((tx): CompleteResetOutcome => {
    const row = findToken(tx, token);
    const state = row && !row.active ? "unknown" : resetTokenState(row, now);
    if (state !== "valid" || !row) return { ok: false, state: state === "valid" ? "unknown" : state };
    const at = now.toISOString();
    const spent = tx
      .update(passwordResetTokens)
      .set({ usedAt: at })
      .where(and(eq(passwordResetTokens.id, row.id), isNull(passwordResetTokens.usedAt), isNull(passwordResetTokens.invalidatedAt)))
      .run();
    if (spent.changes !== 1) return { ok: false, state: "used" };
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: at })
      .where(eq(users.id, row.userId))
      .run();
    setAsideOpenTokens(tx, row.userId, now);
    clearFailures(tx, signInAccountKey(row.email));
    appendAuditEvent(tx, {
      actor: { id: row.userId, email: row.email },
      action: "user.password_reset",
      targetType: "user",
      targetId: row.userId,
      summary: { ip, via: "email link", wasTemporary: row.mustChangePassword },
    });
    queueMail(tx, {
      key: `password_changed:${row.id}`,
      kind: PASSWORD_CHANGED_MAIL_KIND,
      to: { address: row.email, userId: row.userId },
      subject: PASSWORD_CHANGED_SUBJECT,
      content: passwordChangedMailContent(row.name, now, absoluteUrl("/login")),
    });
    return { ok: true, userId: row.userId };
  });
}
