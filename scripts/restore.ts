/**
 * npm run restore -- <file>
 * Replaces the database (DATABASE_PATH or data/vetted.db) with a backup after checking the
 * backup's integrity and that it is a Vetted database. Stop the server first: a running
 * server keeps the old file open. The replaced database is kept next to it as *.before-restore.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../db/index";

const source = process.argv[2] && path.resolve(process.argv[2]);
if (!source || !fs.existsSync(source)) {
  console.error("Usage: npm run restore -- <backup file>");
  process.exit(2);
}
const backup = new Database(source, { readonly: true, fileMustExist: true });
const integrity = backup.pragma("integrity_check", { simple: true }) as string;
const tables = backup
  .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('users','articles','revisions','audit_events')")
  .all();
backup.close();
if (integrity !== "ok") {
  console.error(`Not restored: the backup fails its integrity check (${integrity}).`);
  process.exit(1);
}
if (tables.length !== 4) {
  console.error("Not restored: the file is not a Vetted database.");
  process.exit(1);
}
const target = databasePath();
fs.mkdirSync(path.dirname(target), { recursive: true });
const temp = `${target}.restoring`;
fs.copyFileSync(source, temp);
const hadPrevious = fs.existsSync(target);
if (hadPrevious) {
  // Fold any WAL content into the old file before setting it aside, so nothing is half-kept.
  const old = new Database(target);
  old.pragma("wal_checkpoint(TRUNCATE)");
  old.close();
  fs.renameSync(target, `${target}.before-restore`);
}
for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
fs.renameSync(temp, target);
console.log(
  `Restored ${source} to ${target} (integrity ok).${hadPrevious ? ` The previous database is at ${target}.before-restore.` : ""}`,
);
