import fs from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };

/**
 * The id Next gave a server action at build time, looked up by its export name and file,
 * so tests can call the action as a raw POST like any outside client could.
 */
export function serverActionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && entry.filename?.replace(/\\/g, "/").endsWith(file)) return id;
  }
  throw new Error(`server action ${exportedName} in ${file} not found in the build manifest`);
}
