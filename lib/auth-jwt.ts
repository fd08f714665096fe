import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth's session token (an encrypted JWT: dir + A256GCM, key = HKDF-SHA256 of the secret),
 * byte-for-byte the format of next-auth/jwt's encode and decode, with one difference: the derived
 * key is computed once per secret instead of on every call. next-auth derives it again for every
 * request, and every signed-in request decodes at least once (the proxy and the page or action)
 * and often encodes once (the rolling session): at 10 editors autosaving that HKDF was ~8% of
 * the server's CPU. Tests check both directions against next-auth's own functions.
 */
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const keys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string | Buffer, salt = ""): Promise<Uint8Array> {
  const id = `${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({ token, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const key = await encryptionKey(secret, salt);
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT({ ...token })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(globalThis.crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const key = await encryptionKey(secret, salt);
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: 15 });
  return payload as JWT;
}
