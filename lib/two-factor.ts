/**
 * Two-factor authentication, pure (no framework, no database): TOTP codes (RFC 6238, 30-second
 * steps, 6 digits, via otplib), the secret's encryption at rest (AES-256-GCM), and recovery codes.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verifySync } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now: a phone clock up to ~30 s off still works; anything further is refused. */
export const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = (): string => generateSecret();

export const otpauthUri = (secret: string, account: string, issuer: string): string => generateURI({ issuer, label: account, secret });

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "reused" };

/**
 * Checks a 6-digit code against the secret at `now`. A code of a step at or before `lastUsedStep`
 * is refused as reused even when otherwise right, so a code seen over someone's shoulder can't be
 * replayed in its window.
 */
export function checkTotp(secret: string, code: string, lastUsedStep: number, now = Date.now()): CodeCheck {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "wrong" };
  const epoch = Math.floor(now / 1000);
  const result = verifySync({ secret, token, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS });
  if (!result.valid) return { ok: false, reason: "wrong" };
  const step = Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta;
  if (step <= lastUsedStep) return { ok: false, reason: "reused" };
  return { ok: true, step };
}

const IV_BYTES = 12;

/** "v1.<iv>.<ciphertext>.<tag>" (base64url), AES-256-GCM with a fresh 96-bit IV per secret. */
export function encryptSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, body, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or throws if the value was altered or the key is not the one that encrypted it. */
export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, body, tag] = stored.split(".");
  if (version !== "v1" || !iv || !body || !tag) throw new Error("Unrecognised two-factor secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

// No 0/O or 1/I/L, so a code copied from paper reads back the same.
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * Ten codes like "7KQ4-M2XD-9TRP-H4WC-3NVA-8YKE": 24 characters of a 31-letter alphabet, ~119 bits
 * each, so a plain SHA-256 is an adequate store for them (ASVS 5 V6.5.2 asks for 112 bits or more).
 */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 24 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** Case, spaces and dashes don't matter when a recovery code is typed. */
export const normaliseRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, "");

/** SHA-256 is enough for random codes of ~119 bits (no dictionary to try); only the hash is stored. */
export const hashRecoveryCode = (code: string): string => createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

/** A sign-in second step's input: a 6-digit code, or something shaped like a recovery code. */
export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ""));
