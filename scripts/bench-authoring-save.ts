/**
 * In-process save time of the article editor (lib/dal/revision-editing.ts saveRevision): the
 * version check, hashing with the cited references, citation rows, audit event and search index,
 * in one BEGIN IMMEDIATE transaction, on the demo database's longest articles.
 *   node --conditions=react-server --import tsx scripts/bench-authoring-save.ts [--saves 300]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { getDb } from "../db/index";
import { articles, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { getEditableArticle } from "../lib/dal/article-authoring";
import { saveRevision } from "../lib/dal/revision-editing";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetted-bench-save-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
const savesArg = process.argv.indexOf("--saves");
const SAVES = savesArg > 0 ? Number(process.argv[savesArg + 1]) : 300;

// The database path is read when the connection first opens (getDb), after it is set above.
type Editor = Parameters<typeof saveRevision>[0];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function bench(db: ReturnType<typeof getDb>, editor: Editor, slug: string) {
  const articleId = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()!.id;
  const start = getEditableArticle(articleId)!;
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const a = getEditableArticle(articleId)!;
    const input = {
      articleId,
      revisionId: a.revision.id,
      version: a.revision.version,
      question: a.revision.question,
      slug: a.slug,
      topic: a.topic,
      clinicianBody: a.revision.clinicianBody,
      // Like typing: the patient wording grows a little with every save.
      patientBody: `${start.revision.patientBody} ${"word ".repeat(i + 1)}`,
      disclosure: a.revision.disclosure,
    };
    const t0 = performance.now();
    const outcome = saveRevision(editor, input);
    times.push(performance.now() - t0);
    if (outcome.kind !== "saved") throw new Error(`save ${i} of ${slug}: ${outcome.kind}`);
  }
  const sorted = [...times].sort((x, y) => x - y);
  const words = (start.revision.clinicianBody + " " + start.revision.patientBody).split(/\s+/).length;
  console.log(
    `${slug} (${start.revision.state}, ~${words} words): ${SAVES} saves  p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms  max ${sorted[sorted.length - 1].toFixed(2)} ms`,
  );
}

async function main() {
  await seedDemo();
  const db = getDb();
  const row = db.select().from(users).where(eq(users.email, "editor@vetted.test")).get()!;
  const editor: Editor = { id: row.id, role: "editor", active: true, email: row.email, name: row.name, mustChangePassword: false };
  bench(db, editor, "ibuprofen-while-breastfeeding"); // draft
  bench(db, editor, "postpartum-back-pain-exercise-3-months"); // under review, visible to readers: also re-indexes search
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
