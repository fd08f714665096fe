import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth-secret";
import { serverEnv } from "@/lib/env";

/**
 * Reader pages are revalidated by revalidatePath/revalidateTag, which Next allows only while it
 * handles a request. A job (a scheduled publication, an expiry) runs outside any request, so after
 * its commit it asks the server to refresh the article through app/api/internal/reader-refresh,
 * signed with the auth secret. The refresh is idempotent, so a retried job may ask twice.
 */
export type ReaderRefresh = { slugs: string[]; articleIds: number[] };

const sign = (body: string) => createHmac("sha256", authSecret()).update(`vetted-reader-refresh:${body}`).digest("base64url");

export function verifyRefreshSignature(body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** This server's own address: HOST (127.0.0.1 when bound to every interface) and PORT. */
function ownOrigin(): string {
  const env = serverEnv();
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}

/** Throws when the server did not confirm, so the job is retried (with backoff) until it does. */
export async function requestReaderRefresh(refresh: ReaderRefresh): Promise<void> {
  const body = JSON.stringify(refresh);
  const response = await fetch(`${ownOrigin()}/api/internal/reader-refresh`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-vetted-signature": sign(body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 204) throw new Error(`The reader refresh answered ${response.status}`);
}
