import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * The session-signing secret: NEXTAUTH_SECRET when set, otherwise one generated on
 * first start into data/.auth-secret (never committed; data/ is git-ignored).
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
