/**
 * The client address for throttling and audit, one reading for every limit and audit record.
 *
 * `next start` runs with scripts/peer-address.mjs, which appends the TCP peer to x-forwarded-for,
 * so the last hop is always the real peer and everything before it is what the client (or a proxy)
 * wrote. With no trusted proxy (TRUSTED_PROXY_HOPS=0, the default) the client is that peer and
 * forwarding headers a client sends change nothing. Behind N reverse proxies that each append the
 * address they saw, the client is the hop the farthest trusted proxy added: N hops before the
 * peer. Pure, so sign-in and actions read it alike.
 */
function hopsOf(value: string | readonly string[] | null | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : ((value as string | null | undefined) ?? "");
  return joined
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The client's address, trusting the last trustedHops proxies before the peer. */
export function clientAddress(value: string | readonly string[] | null | undefined, trustedHops = 0): string {
  const hops = hopsOf(value);
  if (!hops.length) return "unknown";
  // More trusted hops than the request passed through: it bypassed a proxy; take the farthest hop.
  return hops[Math.max(0, hops.length - 1 - Math.max(0, trustedHops))];
}

/** The last hop: the TCP peer under `next start` (see above). */
export function nearestForwardedHop(value: string | readonly string[] | null | undefined): string {
  return clientAddress(value, 0);
}
