// @ts-check
/**
 * The server's side of the trustworthy client address (lib/security/client-ip.ts): every request's
 * x-forwarded-for gets the TCP peer's address appended as its last hop, before Next reads it. Next
 * itself only fills the header in when it is missing, so without this a client talking to the
 * server directly could write any address there. Plain JavaScript: scripts/peer-address.mjs loads
 * it into `next start` with `node --import`. Pure.
 *
 * @param {string | string[] | undefined} forwardedFor the header as received (Node joins repeats)
 * @param {string | undefined} peer the socket's remote address
 * @returns {string}
 */
export function appendPeerHop(forwardedFor, peer) {
  const prior = (Array.isArray(forwardedFor) ? forwardedFor.join(", ") : (forwardedFor ?? "")).trim();
  const hop = peer || "unknown";
  return prior ? `${prior}, ${hop}` : hop;
}
