import "server-only";
import { headers } from "next/headers";
import { nearestForwardedHop } from "@/lib/security/client-ip";

/**
 * The client address of the request a server action is handling, read exactly as sign-in reads it
 * (the nearest proxy's x-forwarded-for hop, lib/security/client-ip.ts), for limits and audit.
 */
export async function requestClientIp(): Promise<string> {
  return nearestForwardedHop((await headers()).get("x-forwarded-for"));
}
