import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * The session-signing secret: NEXTAUTH_SECRET when set, otherwise one generated on
 * first start into data/.auth-secret (never committed; data/ is git-ignored).
 */
export function authSecret(): string {
  const configured = serverEnv().NEXTAUTH_SECRET;
  if (configured) return configured;
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
