import fs from "node:fs";

/**
 * What the e2e server's doi.org / PubMed stand-in (scripts/e2e-lookup-stub.mjs) was asked, read
 * from its log (E2E_LOOKUP_LOG): one entry per request, in order.
 */
export function loggedLookups(log: string): Array<{ path: string; query: Record<string, string> }> {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { path: string; query: Record<string, string> });
}
