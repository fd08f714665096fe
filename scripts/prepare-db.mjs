// Applies migrations to the database (DATABASE_PATH or data/vetted.db) and, unless
// --no-seed is given, seeds demo data when the database has no users yet.
import { spawnSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
const seed = !args.includes("--no-seed");
const root = path.resolve(import.meta.dirname, "..");
const script = seed ? "db/seed.ts" : "db/migrate.ts";
const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...(seed ? ["--if-empty"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
process.exit(result.status ?? 1);
