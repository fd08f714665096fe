import fs from "node:fs";
import { startLookupStub } from "../../scripts/e2e-lookup-stub.mjs";

/** The doi.org / E-utilities stand-in (scripts/e2e-lookup-stub.mjs), for unit tests that start their own. */
export { startLookupStub };
export type LookupStub = Awaited<ReturnType<typeof startLookupStub>>;

/** What the e2e server's stub was asked, read from its log (E2E_LOOKUP_LOG): one entry per request. */
export function loggedLookups(log: string): Array<{ path: string; query: Record<string, string> }> {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { path: string; query: Record<string, string> });
}
