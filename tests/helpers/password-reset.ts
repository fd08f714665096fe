import { createHash, randomBytes } from "node:crypto";
import { e2eDb } from "./e2e-db";

/**
 * A reset link's token for a user, stored as the app stores one (only its SHA-256), for specs that
 * need a valid link without going through the mail (the access matrix, the accessibility check).
 */
export function issueResetToken(userId: number, validForMs = 30 * 60_000): string {
  const token = randomBytes(32).toString("base64url");
  const db = e2eDb();
  try {
    db.prepare("INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES (?, ?, ?)").run(
      userId,
      createHash("sha256").update(token).digest("hex"),
      new Date(Date.now() + validForMs).toISOString(),
    );
    return token;
  } finally {
    db.close();
  }
}
