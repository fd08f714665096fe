import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/env";

let cached: { source: string; key: Buffer } | null = null;

/**
 * The 256-bit key that encrypts TOTP secrets at rest: the SHA-256 of TWO_FACTOR_KEY when set,
 * otherwise of a value generated on first start into data/.two-factor-key (git-ignored, like
 * data/.auth-secret; scripts/start.mjs creates it before the server starts).
 */
export function twoFactorKey(): Buffer {
  const source = serverEnv().TWO_FACTOR_KEY ?? readOrCreate();
  if (cached?.source !== source) cached = { source, key: createHash("sha256").update(source).digest() };
  return cached.key;
}

function readOrCreate(): string {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", ".two-factor-key");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch {
      // Another process created it first: read theirs.
    }
    return fs.readFileSync(file, "utf8").trim();
  }
}
