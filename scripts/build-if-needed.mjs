// Runs `next build` unless .next holds a build of exactly the current sources.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const STAMP = path.join(root, ".next", "vetted-source-hash");
const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function walk(entry, hash) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) walk(path.join(entry, name), hash);
  } else {
    hash.update(entry);
    hash.update(fs.readFileSync(full));
  }
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const entry of INPUTS) walk(entry, hash);
  return hash.digest("hex");
}

/** Whether .next holds a build of exactly the current sources (tests/unit/actions-defined.test.ts asks too). */
export function buildIsCurrent() {
  const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : "";
  return built === sourceHash() && fs.existsSync(path.join(root, ".next", "BUILD_ID"));
}

function main() {
  if (buildIsCurrent()) {
    console.log("Build is up to date.");
  } else {
    console.log("Building Vetted (next build)…");
    const current = sourceHash();
    // The build reads no data, but route modules open the database lazily: give it a scratch file.
    const env = { ...process.env, DATABASE_PATH: path.join(root, "data", "build.db"), NEXT_TELEMETRY_DISABLED: "1" };
    const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env,
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
    fs.writeFileSync(STAMP, current);
  }
}

// Run as a script (the test and e2e commands); importing it only reads the stamp.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
