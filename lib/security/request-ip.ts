import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-ip";

/**
 * The client address of the request a server action is handling, read exactly as sign-in reads it
 * (lib/security/client-ip.ts, honouring TRUSTED_PROXY_HOPS), for limits and audit.
 */
export async function requestClientIp(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"), serverEnv().TRUSTED_PROXY_HOPS);
}
