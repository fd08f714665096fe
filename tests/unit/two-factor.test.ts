import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { generateSync } from "otplib";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  TOTP_PERIOD_SECONDS,
} from "@/lib/two-factor";

const now = Date.UTC(2026, 11, 7, 22, 0, 10);
const codeAt = (secret: string, ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });

describe("TOTP codes", () => {
  const secret = newTotpSecret();

  it("accepts the current code and the neighbouring steps, and returns the step", () => {
    const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
    expect(checkTotp(secret, codeAt(secret, now), 0, now)).toEqual({ ok: true, step });
    expect(checkTotp(secret, codeAt(secret, now - 30_000), 0, now)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(secret, codeAt(secret, now + 30_000), 0, now)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses a code from a far-off window, a malformed code and another secret's code", () => {
    expect(checkTotp(secret, codeAt(secret, now - 5 * 60_000), 0, now)).toEqual({ ok: false, reason: "wrong" });
    expect(checkTotp(secret, codeAt(secret, now + 5 * 60_000), 0, now)).toEqual({ ok: false, reason: "wrong" });
    expect(checkTotp(secret, "12345", 0, now).ok).toBe(false);
    expect(checkTotp(secret, "abcdef", 0, now).ok).toBe(false);
    const other = newTotpSecret();
    const theirs = codeAt(other, now);
    // A one-in-a-million collision with our own neighbouring codes would make this flaky; skip it then.
    if (![now - 30_000, now, now + 30_000].some((t) => codeAt(secret, t) === theirs))
      expect(checkTotp(secret, theirs, 0, now)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a code whose step was already used (or an earlier one)", () => {
    const first = checkTotp(secret, codeAt(secret, now), 0, now);
    if (!first.ok) throw new Error("expected the code to pass");
    expect(checkTotp(secret, codeAt(secret, now), first.step, now)).toEqual({ ok: false, reason: "reused" });
    expect(checkTotp(secret, codeAt(secret, now - 30_000), first.step, now)).toEqual({ ok: false, reason: "reused" });
    expect(checkTotp(secret, codeAt(secret, now + 30_000), first.step, now).ok).toBe(true);
  });

  it("builds an otpauth URI for authenticator apps", () => {
    expect(otpauthUri(secret, "ada@example.org", "Vetted")).toBe(`otpauth://totp/Vetted:ada%40example.org?secret=${secret}&issuer=Vetted`);
  });
});

describe("secret encryption (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, with a fresh IV each time", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP", key);
    const b = encryptSecret("JBSWY3DPEHPK3PXP", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(a, key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses an altered value and the wrong key", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP", key);
    const parts = stored.split(".");
    const body = Buffer.from(parts[2], "base64url");
    body[0] ^= 1;
    parts[2] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow();
    expect(() => decryptSecret("plain", key)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct, readable codes whose hash ignores case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$/);
    expect(hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]));
    expect(hashRecoveryCode(codes[0])).toMatch(/^[0-9a-f]{64}$/);
  });
});
