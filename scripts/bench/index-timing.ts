/**
 * In-process time and query plans of the article indexes (issue 18) on one database:
 *   DATABASE_PATH=bench/tmp/large.db node --conditions=react-server --import tsx scripts/bench/index-timing.ts [--iterations 20]
 * The staff index with no filter, each single filter, a search and the 20th page; a topic page, an
 * API page, a 50,000-URL sitemap file and the home lists. Prints one JSON object (p50/p95 wall and
 * CPU ms per case, and the plan of the main queries) on stdout.
 */
import { getDb } from "@/db";
import { articleIndexCounts, articleIndexPage } from "@/lib/dal/article-index";
import { apiArticlePage, latestVisibleArticles, listTopics, sitemapArticles, sitemapChunks, topicPage } from "@/lib/dal/reader-lists";
import type { CurrentUser } from "@/lib/dal/session";
import { parseArticleIndexFilter } from "@/lib/validations/article-index";
import { timeInProcess } from "./in-process";

const i = process.argv.indexOf("--iterations");
const ITERATIONS = i > 0 ? Number(process.argv[i + 1]) : 20;

const time = (fn: () => unknown) => timeInProcess(fn, ITERATIONS, 1);

const db = getDb();
const editor = db.$client.prepare("SELECT id, email, name, role, active FROM users WHERE role = 'admin' LIMIT 1").get() as CurrentUser;
const reviewer = db.$client
  .prepare("SELECT reviewer_id AS id FROM review_assignments GROUP BY reviewer_id ORDER BY count(*) DESC LIMIT 1")
  .get() as {
  id: number;
};
const author = db.$client.prepare("SELECT created_by_id AS id FROM articles WHERE created_by_id IS NOT NULL LIMIT 1").get() as {
  id: number;
};
const topic = (db.$client.prepare("SELECT topic FROM articles WHERE topic <> '' LIMIT 1").get() as { topic: string }).topic;
const view = (qs: string) => parseArticleIndexFilter(Object.fromEntries(new URLSearchParams(qs))).filter;
const page = (qs: string) => () => {
  articleIndexPage(editor, view(qs));
  articleIndexCounts(editor, view(qs));
};
const page20 = () => {
  let filter = view("");
  for (let n = 1; n < 20; n++) {
    const p = articleIndexPage(editor, filter);
    if (!p.next) break;
    filter = { ...filter, cursor: p.next };
  }
  return () => articleIndexPage(editor, filter);
};

const cases: Record<string, () => unknown> = {
  "index: no filter": page(""),
  "index: state=draft": page("state=draft"),
  [`index: topic=${topic}`]: page(`topic=${encodeURIComponent(topic)}`),
  "index: author": page(`author=${author.id}`),
  "index: reviewer": page(`reviewer=${reviewer.id}`),
  "index: due=overdue": page("due=overdue"),
  "index: due=30": page("due=30"),
  "index: retracted": page("retracted=1"),
  "index: updated since 30 days": page(`updated=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`),
  "index: sort=due": page("sort=due"),
  "index: sort=question": page("sort=question"),
  "index: search 'asthma'": page("q=asthma"),
  "index: 20th page (rows only)": page20(),
  "reader: topic page 3": () => topicPage(topic.toLowerCase().replace(/[^a-z0-9]+/g, "-"), 3),
  "reader: topic counts (home)": () => listTopics(),
  "reader: latest 20 (home)": () => latestVisibleArticles(20),
  "reader: API page of 50": () => apiArticlePage({ limit: 50, afterId: 1000, topics: null, updatedSince: null }),
  "reader: sitemap file of 50,000": () => sitemapArticles(0, 50_000),
  "reader: sitemap index": () => sitemapChunks(50_000),
};

const results: Record<string, unknown> = {};
for (const [name, fn] of Object.entries(cases)) results[name] = time(fn);
const plan = (q: string) => (db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail);
const plans = {
  "index: no filter": plan(
    "SELECT a.id, a.updated_at FROM articles a JOIN revisions r ON r.id = a.working_revision_id ORDER BY a.updated_at DESC, a.id DESC LIMIT 51",
  ),
  "reader: latest": plan(`SELECT a.id FROM revisions n INDEXED BY revisions_reader_updated_idx JOIN articles a ON a.id = n.article_id
    WHERE n.state IN ('submitted', 'under_review', 'approved') AND n.id = a.live_revision_id ORDER BY n.updated_at DESC, n.id DESC LIMIT 20`),
};
console.log(
  JSON.stringify(
    { articles: (db.$client.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n, results, plans },
    null,
    1,
  ),
);
