import { createHash, randomBytes } from "node:crypto";
import { generateSync } from "otplib";
import { encryptSecret, newTotpSecret, TOTP_PERIOD_SECONDS } from "../../lib/two-factor";
import { E2E_TWO_FACTOR_KEY } from "../../playwright.config";
import { e2eDb } from "./e2e-db";

/** The e2e server's key for TOTP secrets (lib/two-factor-key.ts: SHA-256 of TWO_FACTOR_KEY). */
const key = () => createHash("sha256").update(E2E_TWO_FACTOR_KEY).digest();

/** The code an authenticator app shows now (or `offsetSteps` 30-second steps away). */
export const totpCode = (secret: string, offsetSteps = 0): string =>
  generateSync({ secret: secret.replace(/\s+/g, ""), epoch: Math.floor(Date.now() / 1000) + offsetSteps * TOTP_PERIOD_SECONDS });

/** Writes a second factor for a user straight into the e2e database: enabled, or waiting for its confirming code. */
export function enrolTwoFactor(userId: number, { enabled = true } = {}): string {
  const secret = newTotpSecret();
  const db = e2eDb();
  try {
    db.prepare(
      "INSERT INTO two_factor (user_id, secret_enc, enabled_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET secret_enc = excluded.secret_enc, enabled_at = excluded.enabled_at, last_used_step = 0",
    ).run(userId, encryptSecret(secret, key()), enabled ? new Date().toISOString() : null);
    return secret;
  } finally {
    db.close();
  }
}

/** An open session record for a user, as a sign-in elsewhere would leave it. */
export function insertSession(userId: number, userAgent = "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0"): string {
  const id = randomBytes(18).toString("base64url");
  const now = new Date().toISOString();
  const db = e2eDb();
  try {
    const { sv } = db.prepare("SELECT session_version AS sv FROM users WHERE id = ?").get(userId) as { sv: number };
    db.prepare(
      "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, user_agent, ip, session_version) VALUES (?, ?, ?, ?, ?, '203.0.113.9', ?)",
    ).run(id, userId, now, now, userAgent, sv);
    return id;
  } finally {
    db.close();
  }
}
