import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { seededPeople, type SeededUser } from "../helpers/seeded-people";

/**
 * The publishing lifecycle's writes against a real seeded SQLite database: a scheduled
 * publication and its publish-time re-checks, withdrawal (out of every reader list, readers get a
 * "gone" standing), republish on an unchanged hash only, archive with a successor, and refusals
 * that change nothing.
 */
const temp = useTempDatabase("lifecycle-dal");
const { getDb, writeTransaction } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { scheduleRevision, withdrawArticle, republishArticle, archiveArticle } = await import("@/lib/dal/lifecycle");
const { runScheduledPublication, runScheduledExpiry, onQuorumReached } = await import("@/lib/dal/publication");
const { readerStandingOf } = await import("@/lib/dal/reader-standing");
const { getReaderArticle, searchArticles } = await import("@/lib/dal/reader");
const { apiArticlePage, listTopics, sitemapArticles } = await import("@/lib/dal/reader-lists");
const { ActionError } = await import("@/lib/action-result");
const { verifyStoredAuditChain } = await import("@/lib/dal/audit-log");
const { hashRevisionContent } = await import("@/lib/dal/revision-content");
const { toSearchQuery } = await import("@/lib/reader/search-query");

type User = SeededUser;
const people: Record<string, User> = {};
const sql = () => getDb().$client;
const one = <T>(query: string, ...params: unknown[]) =>
  sql()
    .prepare(query)
    .get(...params) as T;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ActionError) return error.code;
    throw error;
  }
  return "allowed";
};
const LIVE = "postpartum-back-pain-exercise-3-months";
const articleOf = (slug: string) =>
  one<{ id: number; live: number | null; working: number; lifecycle: string }>(
    "SELECT id, live_revision_id AS live, working_revision_id AS working, lifecycle FROM articles WHERE slug = ?",
    slug,
  );
const inputIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

beforeAll(async () => {
  await seedDemo();
  Object.assign(people, seededPeople(getDb().$client));
}, 60_000);

afterAll(() => {
  sql().close();
  temp.cleanup();
});

/** Makes a copy of the live revision the article's working revision, approved by the quorum path with a publication time. */
function approvedScheduledCopy(slug: string, publishAt: string) {
  return writeTransaction((tx) => {
    const a = articleOf(slug);
    const live = one<Record<string, unknown>>("SELECT * FROM revisions WHERE id = ?", a.live);
    const number = one<{ n: number }>("SELECT max(number) + 1 AS n FROM revisions WHERE article_id = ?", a.id).n;
    const id = one<{ id: number }>(
      `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, publish_at)
       VALUES (?, ?, ?, ?, ?, ?, 'under_review', ?, ?, ?) RETURNING id`,
      a.id,
      number,
      `${String(live.question)} (updated)`,
      live.clinician_body,
      live.patient_body,
      live.disclosure,
      live.content_hash,
      people.editor.id,
      publishAt,
    ).id;
    sql().prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(id, a.id);
    // The hash the board approved: the new question with the cited references as they are now.
    const draft = tx.query.revisions.findFirst({ where: (t, { eq }) => eq(t.id, id) }).sync()!;
    sql().prepare("UPDATE revisions SET content_hash = ? WHERE id = ?").run(hashRevisionContent(tx, draft), id);
    const article = tx.query.articles.findFirst({ where: (t, { eq }) => eq(t.id, a.id) }).sync()!;
    const revision = tx.query.revisions.findFirst({ where: (t, { eq }) => eq(t.id, id) }).sync()!;
    return { id, outcome: onQuorumReached(tx, people.admin, article, revision, [people.reviewer1.id, people.reviewer2.id], "major") };
  });
}

describe("scheduled publication", () => {
  it("waits as approved, scheduled: readers keep the previous live revision; at its time it goes live", () => {
    const before = articleOf(LIVE);
    const at = new Date(Date.now() + 60_000).toISOString();
    const { id, outcome } = approvedScheduledCopy(LIVE, at);
    expect(outcome).toEqual({ published: false, scheduledFor: at });
    expect(articleOf(LIVE).live).toBe(before.live);
    expect(getReaderArticle(LIVE, "patient")?.question).not.toContain("(updated)");
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE kind = 'lifecycle.publish' AND idempotency_key = ?", `publish:${id}:${at}`)
        .n,
    ).toBe(1);

    // A job for an older time (the schedule moved) does nothing.
    expect(writeTransaction((tx) => runScheduledPublication(tx, id, "2020-01-01T00:00:00.000Z"))?.outcome).toBe("stale");
    expect(writeTransaction((tx) => runScheduledPublication(tx, id, at))?.outcome).toBe("published");
    expect(articleOf(LIVE).live).toBe(id);
    expect(getReaderArticle(LIVE, "patient")?.question).toContain("(updated)");
    // Idempotent: a second run finds it live.
    expect(writeTransaction((tx) => runScheduledPublication(tx, id, at))?.outcome).toBe("stale");
  });

  it("refuses at its time when a cited reference was retracted meanwhile, tells the editors and keeps the reason", () => {
    const slug = "first-line-treatment-acute-low-back-pain";
    const before = articleOf(slug);
    const at = new Date(Date.now() + 60_000).toISOString();
    const { id } = approvedScheduledCopy(slug, at);
    const cited = one<{ id: number }>("SELECT reference_id AS id FROM revision_citations WHERE revision_id = ? LIMIT 1", before.live);
    sql().prepare("UPDATE library_references SET retracted = 1 WHERE id = ?").run(cited.id);
    expect(writeTransaction((tx) => runScheduledPublication(tx, id, at))?.outcome).toBe("refused");
    expect(articleOf(slug).live).toBe(before.live);
    const row = one<{ reason: string }>("SELECT publish_blocked_reason AS reason FROM revisions WHERE id = ?", id);
    expect(row.reason).toMatch(/retracted/);
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind = 'publish_failed' AND revision_id = ?", id).n,
    ).toBeGreaterThan(0);
    sql().prepare("UPDATE library_references SET retracted = 0 WHERE id = ?").run(cited.id);
  });

  it("refuses a publication time in the site's zone other than the one shown, and a time for a live revision", () => {
    const a = articleOf("how-much-physical-activity-do-adults-need");
    expect(
      refusal(() =>
        scheduleRevision(people.editor, { revisionId: a.working, publishAt: inputIn(3_600_000), unpublishAt: "", timeZone: "Asia/Tokyo" }),
      ),
    ).toBe("invalid");
    if (a.live === a.working) {
      expect(
        refusal(() =>
          scheduleRevision(people.editor, { revisionId: a.working, publishAt: inputIn(3_600_000), unpublishAt: "", timeZone: "UTC" }),
        ),
      ).toBe("invalid");
    }
    expect(
      refusal(() =>
        scheduleRevision(people.reviewer1, { revisionId: a.working, publishAt: inputIn(3_600_000), unpublishAt: "", timeZone: "UTC" }),
      ),
    ).toBe("forbidden");
    expect(one<{ p: string | null }>("SELECT publish_at AS p FROM revisions WHERE id = ?", a.working).p).toBeNull();
  });
});

describe("withdrawal, republish and archive", () => {
  const slug = "how-much-exercise-during-pregnancy";

  it("withdraws: out of search, topics, API and sitemap; readers get gone with the reason; editors refused by default", () => {
    const a = articleOf(slug);
    expect(a.live).not.toBeNull();
    expect(refusal(() => withdrawArticle(people.editor, { articleId: a.id, reason: "A recall of the product." }))).toBe("forbidden");
    withdrawArticle(people.admin, { articleId: a.id, reason: "A recall of the product." });
    expect(articleOf(slug).lifecycle).toBe("withdrawn");
    expect(readerStandingOf(slug)).toMatchObject({ kind: "gone", reason: "A recall of the product.", archived: false });
    expect(getReaderArticle(slug, "patient")).toBeNull();
    expect(searchArticles(toSearchQuery("pregnancy")!, 1, 50).hits.map((h) => h.slug)).not.toContain(slug);
    expect(apiArticlePage({ limit: 500, afterId: null, topics: null, updatedSince: null }).articles.map((x) => x.slug)).not.toContain(slug);
    expect(sitemapArticles(0, 50_000).map((x) => x.slug)).not.toContain(slug);
    expect(listTopics().length).toBeGreaterThan(0);
    expect(refusal(() => withdrawArticle(people.admin, { articleId: a.id, reason: "Twice is refused." }))).toBe("illegal_transition");
  });

  it("republishes only on an unchanged hash; otherwise asks for a new approval", () => {
    const a = articleOf(slug);
    const live = one<{ hash: string }>("SELECT content_hash AS hash FROM revisions WHERE id = ?", a.live);
    sql().prepare("UPDATE revisions SET content_hash = ? WHERE id = ?").run("f".repeat(64), a.live);
    expect(refusal(() => republishArticle(people.admin, a.id))).toBe("conflict");
    expect(articleOf(slug).lifecycle).toBe("withdrawn");
    sql().prepare("UPDATE revisions SET content_hash = ? WHERE id = ?").run(live.hash, a.live);
    republishArticle(people.admin, a.id);
    expect(articleOf(slug).lifecycle).toBe("active");
    expect(readerStandingOf(slug)).toBeNull();
    expect(getReaderArticle(slug, "patient")).not.toBeNull();
  });

  it("archives with a successor (moved) or without (gone); a successor must be live", () => {
    const a = articleOf(slug);
    expect(refusal(() => archiveArticle(people.admin, { articleId: a.id, successorSlug: slug, reason: "" }))).toBe("invalid");
    archiveArticle(people.admin, { articleId: a.id, successorSlug: LIVE, reason: "" });
    expect(readerStandingOf(slug)).toEqual({ kind: "moved", successorSlug: LIVE });
    const events = one<{ n: number }>(
      "SELECT count(*) AS n FROM audit_events WHERE article_id = ? AND action IN ('article.withdraw', 'article.republish', 'article.archive')",
      a.id,
    ).n;
    expect(events).toBe(3);
    expect(verifyStoredAuditChain({ full: true })).toMatchObject({ ok: true });
  });

  it("expires a live revision at its unpublishAt", () => {
    const a = articleOf(LIVE);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    sql().prepare("UPDATE revisions SET unpublish_at = ? WHERE id = ?").run(at, a.live);
    expect(writeTransaction((tx) => runScheduledExpiry(tx, a.live!, at))?.outcome).toBe("expired");
    expect(readerStandingOf(LIVE)).toMatchObject({ kind: "gone" });
  });
});
