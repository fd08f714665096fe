/**
 * npm run audit:verify
 * Recomputes the audit hash chain of the database (DATABASE_PATH or data/vetted.db) in id order
 * and names the first event whose content no longer matches its hash (edited) or whose link to
 * the previous event is broken (an event deleted or inserted). Exit code 0 when intact, 1 when not.
 * Reads only: the database is opened read-only, so it is safe next to a running server.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { verifyAuditChain, type StoredAuditEvent } from "../lib/audit";
import { serverEnv } from "../lib/env";

const file = path.resolve(serverEnv().DATABASE_PATH);
if (!fs.existsSync(file)) {
  console.error(`No database at ${file}. Set DATABASE_PATH or run npm start first.`);
  process.exit(2);
}

const db = new Database(file, { readonly: true, fileMustExist: true });
const rows = db
  .prepare(
    `SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType,
            target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash
       FROM audit_events ORDER BY id`,
  )
  .iterate() as IterableIterator<StoredAuditEvent>;

const verdict = verifyAuditChain(rows);
db.close();
if (verdict.ok) {
  console.log(`Audit chain intact: ${verdict.count} events verified in ${file}.`);
} else {
  console.error(`Audit chain BROKEN at event #${verdict.brokenAtId}: ${verdict.reason} (after ${verdict.count - 1} intact events).`);
  process.exit(1);
}
