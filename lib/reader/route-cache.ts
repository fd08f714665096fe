import fs from "node:fs";
import path from "node:path";

/**
 * Reader pages are cached in memory only (next.config.js isrFlushToDisk: false), so a cache can
 * never outlive the server or leak between servers sharing one build (npm start and the e2e server
 * use different databases). Entries written to disk by an earlier run or an older config would still
 * be read back, so they are removed when the server starts.
 */
export function clearStaleRouteCache(root: string = process.cwd()): void {
  for (const dir of [path.join(root, ".next", "server", "route-cache"), path.join(root, ".next", "cache", "fetch-cache")]) {
    fs.rmSync(/*turbopackIgnore: true*/ dir, { recursive: true, force: true });
  }
}
