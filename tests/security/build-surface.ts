import fs from "node:fs";
import path from "node:path";

/**
 * The attack surface of the production build, read from Next's manifests: every server action
 * a client can call (by id) and every app route (pages and route handlers).
 */
type ActionManifest = {
  node: Record<string, { exportedName?: string; filename?: string }>;
  edge?: Record<string, { exportedName?: string; filename?: string }>;
};

export type BuiltAction = { id: string; key: string };

export function builtActions(dir = ".next"): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "server", "server-reference-manifest.json"), "utf8")) as ActionManifest;
  const entries = [...Object.entries(manifest.node), ...Object.entries(manifest.edge ?? {})];
  return entries.map(([id, e]) => ({ id, key: `${(e.filename ?? "?").replace(/\\/g, "/")}#${e.exportedName ?? "?"}` }));
}

export function builtAppPaths(dir = ".next"): { pages: string[]; routes: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const paths = Object.keys(manifest);
  return { pages: paths.filter((p) => p.endsWith("/page")), routes: paths.filter((p) => p.endsWith("/route")) };
}
