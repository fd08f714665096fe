import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * The reader lists' SQL (lib/dal/reader-lists.ts) against the rule it restates: for articles in
 * every combination of live and working revision states (and two broken pointers), every list —
 * topic pages, topic counts, the API's pages with and without filters, the sitemap's files and the
 * latest articles — holds exactly the articles getReaderArticle shows, under both publish policies.
 */
const temp = useTempDatabase("reader-lists");
const { getDb, writeTransaction } = await import("@/db");
const { siteSettings } = await import("@/db/schema");
const { seedDemo } = await import("@/db/seed");
const reader = await import("@/lib/dal/reader");
const lists = await import("@/lib/dal/reader-lists");
const { topicSlug } = await import("@/lib/reader/site-url");

const STATES = ["draft", "submitted", "under_review", "changes_requested", "approved"] as const;
const TOPICS = ["Cardiology", "Mental health", "Mental Health", "Sleep"];

beforeAll(async () => {
  await seedDemo();
  const client = getDb().$client;
  const author = (client.prepare("SELECT id FROM users WHERE role = 'editor' LIMIT 1").get() as { id: number }).id;
  const insertArticle = client.prepare("INSERT INTO articles (slug, topic) VALUES (?, ?) RETURNING id");
  const insertRevision = client.prepare(
    "INSERT INTO revisions (article_id, number, question, state, content_hash, author_id, approved_at, updated_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
  );
  const point = client.prepare("UPDATE articles SET live_revision_id = ?, working_revision_id = ? WHERE id = ?");
  let n = 0;
  const stamp = () => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
  client.transaction(() => {
    for (const hasLive of [false, true])
      for (const working of STATES)
        for (let copy = 0; copy < 7; copy++) {
          n++;
          const id = (insertArticle.get(`list-${n}`, TOPICS[Math.floor(n / 2) % TOPICS.length]) as { id: number }).id;
          let liveId: number | null = null;
          if (hasLive) liveId = (insertRevision.get(id, 1, `Live ${n}?`, "approved", "h", author, stamp(), stamp()) as { id: number }).id;
          n++;
          const workingId = (insertRevision.get(id, 2, `Working ${n}?`, working, "h", author, null, stamp()) as { id: number }).id;
          point.run(liveId, workingId, id);
        }
    // Broken pointers must never show: a live revision of another article, a working approved one with no live.
    const other = (insertArticle.get("list-broken-a", "Sleep") as { id: number }).id;
    const foreign = (insertRevision.get(other, 1, "Foreign?", "approved", "h", author, stamp(), stamp()) as { id: number }).id;
    const broken = (insertArticle.get("list-broken-b", "Sleep") as { id: number }).id;
    point.run(foreign, null, broken);
    const approvedWorking = (insertRevision.get(other, 2, "Orphan?", "approved", "h", author, stamp(), stamp()) as { id: number }).id;
    point.run(null, approvedWorking, other);
  })();
}, 120_000);

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const setPolicy = (policy: "on-submit" | "approved-only") =>
  writeTransaction((tx) =>
    tx
      .insert(siteSettings)
      .values({ key: "publishPolicy", value: JSON.stringify(policy) })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value: JSON.stringify(policy) } })
      .run(),
  );

/** The reference: every article getReaderArticle shows, with its topic and date. */
function expected() {
  const rows = getDb().$client.prepare("SELECT slug, topic FROM articles").all() as { slug: string; topic: string }[];
  return rows.flatMap((r) => {
    const a = reader.getReaderArticle(r.slug, "patient");
    return a ? [{ slug: r.slug, topic: r.topic, lastUpdated: a.lastUpdated }] : [];
  });
}

function allApiPages(q: { topics: string[] | null; updatedSince: string | null }, limit: number) {
  const slugs: string[] = [];
  let afterId: number | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = lists.apiArticlePage({ limit, afterId, ...q });
    slugs.push(...page.articles.map((a) => a.slug));
    if (!page.more) return slugs;
    afterId = page.lastId;
  }
  throw new Error("no end");
}

describe.each(["on-submit", "approved-only"] as const)("reader lists under %s", (policy) => {
  beforeAll(() => setPolicy(policy));
  afterAll(() => setPolicy("on-submit"));

  it("the API's pages, followed to the end, hold every visible article once", () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(20);
    const got = allApiPages({ topics: null, updatedSince: null }, 7);
    expect(got.length).toBe(new Set(got).size);
    expect(new Set(got)).toEqual(new Set(want.map((a) => a.slug)));
  });

  it("filters by topic and by update time", () => {
    const want = expected();
    const since = "2026-01-02T00:00:00.000Z";
    expect(new Set(allApiPages({ topics: ["Sleep"], updatedSince: since }, 3))).toEqual(
      new Set(want.filter((a) => a.topic === "Sleep" && a.lastUpdated >= since).map((a) => a.slug)),
    );
  });

  it("counts each topic truly and pages through all of it", () => {
    const want = expected();
    const topics = lists.listTopics();
    for (const slug of new Set(TOPICS.map(topicSlug))) {
      const inTopic = want.filter((a) => topicSlug(a.topic) === slug);
      expect(topics.filter((t) => t.slug === slug).reduce((s, t) => s + t.count, 0)).toBe(inTopic.length);
      if (inTopic.length === 0) {
        expect(lists.topicPage(slug, 1, 4)).toBeNull();
        continue;
      }
      const first = lists.topicPage(slug, 1, 4)!;
      expect(first.total).toBe(inTopic.length);
      const seen: string[] = [];
      for (let p = 1; p <= first.pageCount; p++) seen.push(...lists.topicPage(slug, p, 4)!.articles.map((a) => a.slug));
      expect(seen.sort()).toEqual(inTopic.map((a) => a.slug).sort());
      expect(lists.topicPage(slug, 10_000, 4)!.page).toBe(first.pageCount);
      expect(lists.topicPage(slug, 0, 4)!.page).toBe(1);
    }
    expect(lists.topicPage("no-such-topic", 1)).toBeNull();
  });

  it("the sitemap's files hold every visible article, and the newest come first on home", () => {
    const want = expected();
    const stats = lists.visibleArticleStats();
    expect(stats.count).toBe(want.length);
    const chunks = lists.sitemapChunks(9);
    const slugs = chunks.flatMap((_, i) => lists.sitemapArticles(i, 9).map((a) => a.slug));
    expect(slugs.sort()).toEqual(want.map((a) => a.slug).sort());
    expect(chunks.length).toBe(Math.ceil(want.length / 9));
    const newest = [...want].sort((a, b) => (a.lastUpdated < b.lastUpdated ? 1 : -1)).slice(0, 5);
    expect(lists.latestVisibleArticles(5).map((a) => a.lastUpdated)).toEqual(newest.map((a) => a.lastUpdated));
  });
});

describe("query plans", () => {
  it("read indexes, never a full sort of revisions", () => {
    const plan = (q: string) =>
      (getDb().$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join("\n");
    const latest = plan(`SELECT a.id FROM revisions n INDEXED BY revisions_reader_updated_idx JOIN articles a ON a.id = n.article_id
      WHERE n.state IN ('submitted', 'under_review', 'approved') ORDER BY n.updated_at DESC LIMIT 20`);
    expect(latest).toContain("revisions_reader_updated_idx");
    expect(latest).not.toContain("TEMP B-TREE");
  });
});
