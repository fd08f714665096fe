/**
 * In-process server time of the editor dashboard queries and reader search on one database:
 *   DATABASE_PATH=bench/tmp/large.db node --conditions=react-server --import tsx scripts/bench/dal-timing.ts [--iterations 50]
 * Prints one JSON object (p50/p95 in ms per query, plus each query's plan) on stdout.
 * Run by scripts/bench/run.ts with the web server stopped, so it measures the query, not the machine's other load.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { getDb } from "@/db";
import { articlesInState, myAssignments, myDrafts, overdueForReReview, overdueForReReviewCount, stateCounts } from "@/lib/dal/dashboard";
import type { CurrentUser } from "@/lib/dal/session";
import { timeInProcess } from "./in-process";
import { summarize, type TimingSummary } from "./stats";
import { searchArticles } from "@/lib/dal/reader";
import { SEARCH_PAGE_SIZE, toSearchQuery } from "@/lib/reader/search-query";
import { SEARCH_RANK_SQL, SEARCH_TERMS } from "./search-query";

const i = process.argv.indexOf("--iterations");
const ITERATIONS = i > 0 ? Number(process.argv[i + 1]) : 50;

/**
 * Wall time and CPU time of each call. The queries are synchronous, so the CPU time this process
 * used during the call is the query's own cost; on a machine shared with other work the wall time
 * also holds the time spent waiting for a CPU, and is the figure a user would see on that machine.
 */
type Timed = TimingSummary & { cpu: TimingSummary };
const time = (fn: () => unknown, iterations = ITERATIONS): Timed => timeInProcess(fn, iterations, 3);

function userByEmail(email: string): CurrentUser {
  const row = getDb()
    .$client.prepare("SELECT id, email, name, role, session_version AS sessionVersion FROM users WHERE email = ?")
    .get(email) as { id: number; email: string; name: string; role: "admin" | "editor" | "reviewer"; sessionVersion: number } | undefined;
  if (!row) throw new Error(`no user ${email} in this database`);
  return { ...row, mustChangePassword: false } as unknown as CurrentUser;
}

function plan(sqlText: string, params: unknown[] = []): string[] {
  const rows = getDb()
    .$client.prepare(`EXPLAIN QUERY PLAN ${sqlText}`)
    .all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

function main() {
  const db = getDb().$client;
  const articles = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  const editor = userByEmail("editor@vetted.test");
  const reviewer = userByEmail("reviewer1@vetted.test");

  const dashboard: Record<string, Timed> = {
    stateCounts: time(() => stateCounts()),
    "myDrafts (editor)": time(() => myDrafts(editor)),
    "articlesInState submitted": time(() => articlesInState("submitted")),
    "articlesInState under_review": time(() => articlesInState("under_review")),
    "articlesInState approved": time(() => articlesInState("approved")),
    "articlesInState draft": time(() => articlesInState("draft")),
    overdueForReReview: time(() => overdueForReReview()),
    overdueForReReviewCount: time(() => overdueForReReviewCount()),
    // The reviewer dashboard's first page, and the last one (the walk to it is the longest).
    "myAssignments (reviewer)": time(() => myAssignments(reviewer, { page: 1 })),
    "myAssignments (reviewer, last page)": time(() => myAssignments(reviewer, { page: Number.MAX_SAFE_INTEGER })),
  };
  // A whole editor dashboard render does all of these once; the target is per queue page.
  const editorPage = time(
    () => {
      stateCounts();
      overdueForReReview();
      overdueForReReviewCount();
      myDrafts(editor);
      for (const s of ["submitted", "under_review", "changes_requested", "approved", "draft"] as const) articlesInState(s);
    },
    Math.max(10, Math.round(ITERATIONS / 5)),
  );

  // The reader's own search (lib/dal/reader.ts), as app/(site)/search/page.tsx calls it: first page.
  const search: Record<string, Timed> = {};
  for (const term of SEARCH_TERMS) search[term] = time(() => searchArticles(toSearchQuery(term)!, 1, SEARCH_PAGE_SIZE));
  const searchAll: number[] = [];
  const searchAllCpu: number[] = [];
  for (let n = 0; n < ITERATIONS; n++) {
    for (const term of SEARCH_TERMS) {
      const c = process.cpuUsage();
      const t = performance.now();
      searchArticles(toSearchQuery(term)!, 1 + (n % 2), SEARCH_PAGE_SIZE);
      searchAll.push(performance.now() - t);
      const used = process.cpuUsage(c);
      searchAllCpu.push((used.user + used.system) / 1000);
    }
  }

  const OPEN_ASSIGNMENTS = `review_assignments ra INDEXED BY review_assignments_reviewer_due_idx
    JOIN revisions r INDEXED BY revisions_id_state_updated_idx ON r.id = ra.revision_id
    WHERE ra.reviewer_id = ? AND ra.removed_at IS NULL AND +r.state IN ('under_review', 'submitted')`;
  const queueSql = `SELECT a.id FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE r.state = 'submitted' ORDER BY r.updated_at DESC LIMIT 25`;
  const plans = {
    articlesInState: plan(queueSql),
    myDrafts: plan(
      `SELECT a.id FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE r.author_id = ? AND (r.state = 'draft' OR r.state = 'changes_requested') ORDER BY r.updated_at DESC LIMIT 25`,
      [editor.id],
    ),
    // The shapes lib/dal/dashboard.ts runs (keep in step with it).
    overdueForReReview: plan(
      `SELECT a.id FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id IN (SELECT a2.id FROM articles a2
      JOIN revisions r2 INDEXED BY revisions_id_state_updated_idx ON r2.id = a2.working_revision_id
      WHERE a2.id IN (SELECT id FROM articles WHERE live_revision_id IS NOT NULL AND review_due_at < ? UNION SELECT id FROM articles WHERE re_review_flagged_at IS NOT NULL AND live_revision_id IS NOT NULL)
      ORDER BY r2.updated_at DESC LIMIT 25) ORDER BY r.updated_at DESC LIMIT 25`,
      [new Date().toISOString()],
    ),
    stateCounts: plan(
      `SELECT r.state, count(*) FROM articles a JOIN revisions r INDEXED BY revisions_id_state_updated_idx ON r.id = a.working_revision_id GROUP BY r.state`,
    ),
    overdueForReReviewCount: plan(
      `SELECT count(*) FROM (SELECT id FROM articles WHERE live_revision_id IS NOT NULL AND review_due_at < ?
      UNION SELECT id FROM articles WHERE re_review_flagged_at IS NOT NULL AND live_revision_id IS NOT NULL)`,
      [new Date().toISOString()],
    ),
    // myAssignments: the count and the page's ids from indexes alone, then the page's revisions.
    myAssignments: plan(
      `SELECT ra.id, ra.revision_id, ra.due_at FROM ${OPEN_ASSIGNMENTS}
      ORDER BY ra.due_at IS NULL, ra.due_at, ra.id LIMIT 25 OFFSET 0`,
      [reviewer.id],
    ),
    "myAssignments count": plan(`SELECT count(*) FROM ${OPEN_ASSIGNMENTS}`, [reviewer.id]),
    "myAssignments page rows": plan(
      `SELECT r.id, r.article_id, r.question, r.state,
      EXISTS (SELECT 1 FROM sign_offs s INDEXED BY sign_offs_revision_idx WHERE s.revision_id = r.id AND s.content_hash = r.content_hash AND s.reviewer_id = ?),
      EXISTS (SELECT 1 FROM sign_offs s INDEXED BY sign_offs_revision_idx WHERE s.revision_id = r.id AND s.content_hash <> r.content_hash AND s.reviewer_id = ? AND s.decision = 'approve')
      FROM revisions r WHERE r.id IN (?, ?, ?)`,
      [reviewer.id, reviewer.id, 1, 2, 3],
    ),
    search: plan(SEARCH_RANK_SQL, [toSearchQuery("diabetes")!.exact]),
  };

  const out = {
    articles,
    iterations: ITERATIONS,
    dashboard,
    editorDashboardAllQueues: editorPage,
    search,
    searchOverall: { ...summarize(searchAll), cpu: summarize(searchAllCpu) },
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    plans,
  };
  process.stdout.write(JSON.stringify(out));
}

main();
