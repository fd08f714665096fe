/**
 * Password reset by email, the pure part: the token (32 random bytes, base64url, of which only
 * the SHA-256 is stored), its lifetime, the request throttle's policies, and the two security
 * mails. No framework, no database (lib/dal/password-reset.ts stores and checks).
 */
import { createHash, randomBytes } from "node:crypto";
import type { MailContent } from "@/lib/mail/render";
import type { ThrottlePolicy } from "@/lib/throttle";
import { RESET_TOKEN_PATTERN } from "@/lib/validations/password-reset";

export const RESET_TOKEN_BYTES = 32;
export const RESET_TOKEN_TTL_MS = 30 * 60_000;
export { RESET_TOKEN_PATTERN };

export const RESET_PATH = "/reset-password";
export const FORGOT_PATH = "/forgot-password";

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(RESET_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

export type ResetTokenRow = { expiresAt: string; usedAt: string | null; invalidatedAt: string | null };
export type ResetTokenState = "valid" | "used" | "expired" | "unknown";

/** What a stored token is worth now. A set-aside token reads as used: either way it was spent. */
export function resetTokenState(row: ResetTokenRow | null | undefined, now: Date): ResetTokenState {
  if (!row) return "unknown";
  if (row.usedAt || row.invalidatedAt) return "used";
  return new Date(row.expiresAt).getTime() > now.getTime() ? "valid" : "expired";
}

/**
 * Requests are counted, not only failures (every request may send a mail): an address asked about
 * 3 times in 15 minutes is locked for 15 minutes, then longer. The per-address limit follows the
 * sign-in one (SIGN_IN_IP_LIMIT): an office may share one address.
 */
export const RESET_ACCOUNT_POLICY: ThrottlePolicy = { limit: 3, windowMs: 15 * 60_000, baseLockMs: 15 * 60_000, maxLockMs: 60 * 60_000 };
export const resetIpPolicy = (ipLimit: number): ThrottlePolicy => ({
  limit: ipLimit,
  windowMs: 15 * 60_000,
  baseLockMs: 15 * 60_000,
  maxLockMs: 60 * 60_000,
});

export function resetThrottleMessage(until: Date): string {
  return `Too many password reset requests. Try again after ${until.toISOString().slice(11, 16)} UTC.`;
}

/** The one answer to every accepted request, whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If an active account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes. Check your inbox (and spam folder).";

export const RESET_MAIL_SUBJECT = "Reset your Vetted password";
export const PASSWORD_CHANGED_SUBJECT = "Your Vetted password was changed";

const SECURITY_FOOTER = "This is a security message about your Vetted account, so it can't be turned off.";

export function resetMailContent(name: string, resetUrl: string, forgotUrl: string): MailContent {
  return {
    greeting: `${name},`,
    paragraphs: [
      "Someone (we hope you) asked to reset the password of your Vetted account. Use the link below to choose a new one.",
      `The link expires in 30 minutes and works once. To get a new link, ask again at ${forgotUrl}.`,
      "If you didn't ask, ignore this email: your password stays as it is. If you keep getting these emails, tell your Vetted administrator.",
    ],
    action: { label: "Choose a new password", url: resetUrl },
    footer: SECURITY_FOOTER,
  };
}

export function passwordChangedMailContent(name: string, when: Date, signInUrl: string): MailContent {
  return {
    greeting: `${name},`,
    paragraphs: [
      `The password of your Vetted account was changed with a reset link on ${when.toISOString().slice(0, 16).replace("T", " ")} UTC. Every session you had open has ended.`,
      "If this was you, there is nothing more to do. If it wasn't, tell your Vetted administrator at once: they can deactivate the account and set a temporary password.",
    ],
    action: { label: "Sign in", url: signInUrl },
    footer: SECURITY_FOOTER,
  };
}

/**
 * The outbox keeps a message after it is sent (/admin/mail). A reset link in it would be a live
 * credential in the database, so once the message is sent (or the link spent) the token is cut out.
 */
export function redactResetLinks(body: string): string {
  return body.replace(/(\/reset-password\?token=)[A-Za-z0-9_-]+/g, "$1[removed]");
}
