/**
 * The client address for throttling and audit: the last x-forwarded-for hop, i.e. the one added
 * by the nearest proxy (Next's own server adds it when there is none), which a client can't
 * forge. Earlier hops are whatever the client sent. Pure, so sign-in and actions read it alike.
 */
export function nearestForwardedHop(value: string | readonly string[] | null | undefined): string {
  const joined = Array.isArray(value) ? value.join(",") : ((value as string | null | undefined) ?? "");
  return (
    joined
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? "unknown"
  );
}
