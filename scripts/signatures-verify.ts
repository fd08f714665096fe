/**
 * npm run signatures:verify -- --article <slug>
 * Verifies an article's signature record from the command line, as its signature page does: each
 * revision's content hash is recomputed, each sign-off matched to the audit event that recorded it,
 * and the audit chain checked from its first event. Exit 0 when everything holds; 1 naming the
 * first mismatch; 2 for a usage error. DATABASE_PATH chooses the database (a copy works too).
 */
import fs from "node:fs";
import { databasePath } from "../db/index";
import { signatureRecordBySlug } from "../lib/dal/signatures";

const at = process.argv.indexOf("--article");
const slug = at >= 0 ? process.argv[at + 1] : undefined;
if (!slug) {
  console.error("Usage: npm run signatures:verify -- --article <slug>");
  process.exit(2);
}
if (!fs.existsSync(databasePath())) {
  console.error(`No database at ${databasePath()}. Set DATABASE_PATH.`);
  process.exit(2);
}
const record = signatureRecordBySlug(slug);
if (!record) {
  console.error(`No article with the slug "${slug}".`);
  process.exit(2);
}
let failed = false;
for (const revision of record.revisions) {
  if (revision.verdict.ok) {
    console.log(`ok   ${revision.verdict.summary}`);
  } else {
    console.error(`FAIL ${revision.verdict.mismatch}`);
    failed = true;
    break;
  }
}
if (failed) process.exit(1);
console.log(`Signature record of /articles/${slug} verified.`);
