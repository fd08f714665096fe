import { asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * Password reset through the real DAL on a temporary database: tokens stored only as SHA-256,
 * expiring after 30 minutes and spent once; a newer request setting older links aside; the same
 * work and no trace for an unknown or inactive address; the request throttle per address asked
 * about and per client address; completing a reset ending every session and telling the user.
 */

delete process.env.SIGN_IN_IP_LIMIT;
const temp = useTempDatabase("password-reset");
process.env.SITE_URL = "https://vetted.example";
const { getDb, writeTransaction } = await import("@/db");
const { auditEvents, mailMessages, passwordResetTokens, rateLimits, users } = await import("@/db/schema");
const reset = await import("@/lib/dal/password-reset");
const { setMailStatus } = await import("@/lib/dal/mail");
const { verifyCredentials } = await import("@/lib/dal/users");
const { hashPassword } = await import("@/lib/passwords");
const { hashResetToken, newResetToken, redactResetLinks, RESET_ACCOUNT_POLICY, RESET_TOKEN_TTL_MS, resetTokenState } =
  await import("@/lib/password-reset");
const { IP_POLICY } = await import("@/lib/throttle");
const { resetPasswordSchema } = await import("@/lib/validations/password-reset");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

beforeEach(() => {
  getDb().$client.exec("DELETE FROM rate_limits;");
});

const OLD_PASSWORD = "an old harbour lantern";
const NEW_PASSWORD = "a quiet copper kettle sings";
let n = 0;
async function user(opts: { active?: boolean; mustChangePassword?: boolean } = {}) {
  const email = `reset${n++}@vetted.test`;
  const passwordHash = await hashPassword(OLD_PASSWORD);
  const row = writeTransaction((tx) =>
    tx
      .insert(users)
      .values({
        email,
        name: `Dr. Reset ${n}`,
        role: "editor",
        passwordHash,
        active: opts.active ?? true,
        mustChangePassword: !!opts.mustChangePassword,
      })
      .returning({ id: users.id, sessionVersion: users.sessionVersion })
      .get(),
  );
  return { ...row, email };
}

const mailFor = (userId: number) =>
  getDb().select().from(mailMessages).where(eq(mailMessages.toUserId, userId)).orderBy(asc(mailMessages.id)).all();
const tokensFor = (userId: number) =>
  getDb().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)).orderBy(asc(passwordResetTokens.id)).all();
/** The token as the mail carries it (the only place it exists in clear, until sent). */
const tokenIn = (text: string) => /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;
const lastAudit = () => getDb().select().from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)!;

describe("reset tokens (pure)", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256", () => {
    const a = newResetToken();
    const b = newResetToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashResetToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("are valid until expiry, and spent once used or set aside", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS).toISOString();
    expect(resetTokenState({ expiresAt, usedAt: null, invalidatedAt: null }, now)).toBe("valid");
    expect(resetTokenState({ expiresAt, usedAt: null, invalidatedAt: null }, new Date(now.getTime() + RESET_TOKEN_TTL_MS))).toBe("expired");
    expect(resetTokenState({ expiresAt, usedAt: now.toISOString(), invalidatedAt: null }, now)).toBe("used");
    expect(resetTokenState({ expiresAt, usedAt: null, invalidatedAt: now.toISOString() }, now)).toBe("used");
    expect(resetTokenState(undefined, now)).toBe("unknown");
  });

  it("are cut out of a message body, leaving the rest of the link", () => {
    const { token } = newResetToken();
    const body = `Choose a new password: https://vetted.example/reset-password?token=${token}\nor ask again at https://vetted.example/forgot-password`;
    const redacted = redactResetLinks(body);
    expect(redacted).not.toContain(token);
    expect(redacted).toContain("https://vetted.example/reset-password?token=[removed]");
    expect(redacted).toContain("https://vetted.example/forgot-password");
  });

  it("the reset form's schema: matching passwords of the policy's length and a well-formed token", () => {
    const { token } = newResetToken();
    expect(resetPasswordSchema.safeParse({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ token, newPassword: NEW_PASSWORD, confirmPassword: "something else" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token, newPassword: "short", confirmPassword: "short" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token: `${token}x`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).success).toBe(
      false,
    );
    expect(resetPasswordSchema.safeParse({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, role: "admin" }).success).toBe(
      false,
    );
  });
});

describe("requesting a reset", () => {
  it("stores only the token's hash, valid 30 minutes, and queues one security mail with the link, no unsubscribe", async () => {
    const u = await user();
    const now = new Date();
    expect(reset.requestPasswordReset(u.email.toUpperCase(), "203.0.113.5", now)).toBe("sent");
    const [mail] = mailFor(u.id);
    expect(mail.kind).toBe("password_reset");
    expect(mail.unsubscribeUrl).toBeNull();
    expect(mail.textBody).toContain("expires in 30 minutes");
    expect(mail.textBody).toContain("If you didn't ask");
    const token = tokenIn(mail.textBody)!;
    expect(token).not.toBeNull();
    expect(mail.htmlBody).toContain(`https://vetted.example/reset-password?token=${token}`);
    const [row] = tokensFor(u.id);
    expect(row.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(tokensFor(u.id))).not.toContain(token);
    expect(new Date(row.expiresAt).getTime() - now.getTime()).toBe(30 * 60_000);
    expect(lastAudit()).toMatchObject({ action: "auth.password_reset_requested", targetId: String(u.id) });
  });

  it("sets aside the older unused link when a new one is asked for", async () => {
    const u = await user();
    reset.requestPasswordReset(u.email, "203.0.113.5");
    const first = tokenIn(mailFor(u.id)[0].textBody)!;
    reset.requestPasswordReset(u.email, "203.0.113.5");
    const mails = mailFor(u.id);
    const second = tokenIn(mails[1].textBody)!;
    expect(reset.checkResetToken(first).state).toBe("used");
    expect(reset.checkResetToken(second).state).toBe("valid");
    // The older message no longer holds a live link.
    expect(mails[0].textBody).not.toContain(first);
  });

  it("does the same for an unknown or inactive address, but stores no token and sends no mail", async () => {
    const inactive = await user({ active: false });
    const tokensBefore = getDb().select().from(passwordResetTokens).all().length;
    const mailBefore = getDb().select().from(mailMessages).all().length;
    expect(reset.requestPasswordReset("nobody-here@vetted.test", "203.0.113.5")).toBe("no_account");
    expect(lastAudit()).toMatchObject({ action: "auth.password_reset_requested", targetId: null });
    expect(reset.requestPasswordReset(inactive.email, "203.0.113.5")).toBe("inactive");
    expect(getDb().select().from(passwordResetTokens).all()).toHaveLength(tokensBefore);
    expect(getDb().select().from(mailMessages).all()).toHaveLength(mailBefore);
  });

  it(`throttles per address asked about after ${RESET_ACCOUNT_POLICY.limit} requests, whether or not it has an account`, async () => {
    const u = await user();
    for (const email of [u.email, "no-account@vetted.test"]) {
      for (let i = 0; i < RESET_ACCOUNT_POLICY.limit; i++) expect(reset.takeResetRequestSlot(email, `198.51.100.${i}`)).toBeNull();
      const until = reset.takeResetRequestSlot(email, "198.51.100.200");
      expect(until).toBeInstanceOf(Date);
      expect(until!.getTime()).toBeGreaterThan(Date.now());
    }
    expect(lastAudit()).toMatchObject({ action: "auth.password_reset_throttled" });
    // Another address from the same client is still served.
    expect(reset.takeResetRequestSlot("someone-else@vetted.test", "198.51.100.200")).toBeNull();
  });

  it(`throttles per client address after ${IP_POLICY.limit} requests spread over many addresses`, () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < IP_POLICY.limit; i++) expect(reset.takeResetRequestSlot(`spray${i}@vetted.test`, ip)).toBeNull();
    expect(reset.takeResetRequestSlot("one-more@vetted.test", ip)).toBeInstanceOf(Date);
    expect(reset.takeResetRequestSlot("one-more@vetted.test", "192.0.2.78")).toBeNull();
    expect(
      getDb()
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `reset:ip:${ip}`))
        .get()?.lockedUntil,
    ).toBeTruthy();
  });
});

describe("completing a reset", () => {
  it("sets the password, clears the temporary flag, ends every session, spends the link once, audits and tells the user", async () => {
    const u = await user({ mustChangePassword: true });
    reset.requestPasswordReset(u.email, "203.0.113.5");
    const token = tokenIn(mailFor(u.id)[0].textBody)!;
    const check = reset.checkResetToken(token);
    expect(check).toMatchObject({ state: "valid", user: { id: u.id, email: u.email } });

    const outcome = reset.completePasswordReset(token, await hashPassword(NEW_PASSWORD), "203.0.113.5");
    expect(outcome).toEqual({ ok: true, userId: u.id });
    const after = getDb().select().from(users).where(eq(users.id, u.id)).get()!;
    expect(after.sessionVersion).toBe(u.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(false);
    expect((await verifyCredentials(u.email, OLD_PASSWORD, "203.0.113.6")).ok).toBe(false);
    expect((await verifyCredentials(u.email, NEW_PASSWORD, "203.0.113.6")).ok).toBe(true);

    const audits = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, String(u.id)))
      .all()
      .map((a) => a.action);
    expect(audits).toContain("user.password_reset");
    const mails = mailFor(u.id);
    expect(mails.map((m) => m.kind)).toEqual(["password_reset", "password_changed"]);
    expect(mails[1].textBody).toContain("Every session you had open has ended");
    // Spent: the link no longer works and no longer sits in the outbox.
    expect(mails[0].textBody).not.toContain(token);
    expect(reset.checkResetToken(token).state).toBe("used");
    expect(reset.completePasswordReset(token, await hashPassword("yet another long passphrase"), "203.0.113.5")).toEqual({
      ok: false,
      state: "used",
    });
    expect((await verifyCredentials(u.email, NEW_PASSWORD, "203.0.113.6")).ok).toBe(true);
  });

  it("refuses an expired link and an unknown one", async () => {
    const u = await user();
    const now = new Date();
    reset.requestPasswordReset(u.email, "203.0.113.5", now);
    const token = tokenIn(mailFor(u.id)[0].textBody)!;
    const later = new Date(now.getTime() + RESET_TOKEN_TTL_MS + 1);
    expect(reset.checkResetToken(token, later).state).toBe("expired");
    expect(reset.completePasswordReset(token, "x", "203.0.113.5", later)).toEqual({ ok: false, state: "expired" });
    expect(reset.checkResetToken(newResetToken().token).state).toBe("unknown");
    expect(reset.checkResetToken("not-a-token").state).toBe("unknown");
  });

  it("refuses the link of a user deactivated since it was sent", async () => {
    const u = await user();
    reset.requestPasswordReset(u.email, "203.0.113.5");
    const token = tokenIn(mailFor(u.id)[0].textBody)!;
    writeTransaction((tx) => tx.update(users).set({ active: false }).where(eq(users.id, u.id)).run());
    expect(reset.checkResetToken(token).state).toBe("unknown");
    expect(reset.completePasswordReset(token, "x", "203.0.113.5")).toEqual({ ok: false, state: "unknown" });
  });
});

describe("the outbox", () => {
  it("keeps a reset message without its link once it has been sent", async () => {
    const u = await user();
    reset.requestPasswordReset(u.email, "203.0.113.5");
    const [mail] = mailFor(u.id);
    const token = tokenIn(mail.textBody)!;
    setMailStatus(mail.id, "sent", { sentAt: new Date().toISOString() });
    const [sent] = mailFor(u.id);
    expect(sent.textBody).not.toContain(token);
    expect(sent.htmlBody).not.toContain(token);
    expect(sent.textBody).toContain("reset-password?token=[removed]");
    // The link itself still works for the person who received it.
    expect(reset.checkResetToken(token).state).toBe("valid");
  });
});
