/**
 * npm run backup -- <file>
 * A consistent online copy of the live database (DATABASE_PATH or data/vetted.db), safe while
 * the app is writing: VACUUM INTO reads one snapshot under WAL, so writers are never blocked
 * and the copy is compact. The copy is integrity-checked before the command reports success.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../db/index";

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run backup -- <file>");
  process.exit(2);
}
const dest = path.resolve(target);
if (fs.existsSync(dest)) {
  console.error(`Refusing to overwrite ${dest}; choose a new file name.`);
  process.exit(2);
}
const source = databasePath();
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(dest), { recursive: true });
const started = Date.now();
const db = new Database(source, { fileMustExist: true });
db.pragma("busy_timeout = 10000");
db.prepare("VACUUM INTO ?").run(dest);
db.close();

const copy = new Database(dest, { readonly: true });
const integrity = copy.pragma("integrity_check", { simple: true });
copy.close();
if (integrity !== "ok") {
  console.error(`Backup written but its integrity check failed: ${integrity}`);
  process.exit(1);
}
const mib = (fs.statSync(dest).size / 1024 / 1024).toFixed(1);
console.log(`Backed up ${source} to ${dest} (${mib} MiB) in ${((Date.now() - started) / 1000).toFixed(2)} s; integrity ok.`);
