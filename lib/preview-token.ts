/** A preview link's token (lib/preview-links.ts): 16 random bytes (128 bits), base64url; stored only as its SHA-256. */
import { createHash, randomBytes } from "node:crypto";

export const PREVIEW_TOKEN_BYTES = 16;

export function newPreviewToken(): string {
  return randomBytes(PREVIEW_TOKEN_BYTES).toString("base64url");
}

export function hashPreviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
