import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/** The configured NEXTAUTH_SECRET, or one generated once into data/.auth-secret (git-ignored). */
export function ensureAuthSecret(root, configured) {
  if (configured) return configured;
  const file = path.join(root, "data", ".auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** The configured TWO_FACTOR_KEY, or one generated once into data/.two-factor-key (git-ignored). */
export function ensureTwoFactorKey(root, configured) {
  if (configured) return configured;
  const file = path.join(root, "data", ".two-factor-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
