import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { getSiteSettings } from "@/lib/dal/settings";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";
import { topicSlug } from "@/lib/reader/site-url";
import type { ReaderArticleSummary, ReaderStatus } from "@/lib/reader/types";
import type { PublishPolicy } from "@/lib/visibility";

/**
 * Reader lists that reach every visible article, each answered from indexes (migration 0008) a
 * page at a time; nothing here loads every article. The visibility rule is readerRevisionId's
 * (lib/visibility.ts) written in SQL, with the checks visibleRevisions adds in lib/dal/reader.ts:
 * the revision shown is the live one whenever there is one, otherwise, under `on-submit`, a
 * working revision that is submitted or in review; it must belong to the article and be in a
 * state readers may see, and the article must be active (not withdrawn or archived). tests/unit/reader-lists.test.ts compares the two on every state.
 */
function visibleFrom(policy: PublishPolicy, articlesIndex: "articles_topic_reader_idx" | null = null): SQL {
  return sql`FROM articles a ${articlesIndex ? sql.raw(`INDEXED BY ${articlesIndex}`) : sql``}
    JOIN revisions r INDEXED BY revisions_reader_idx
      ON r.id = CASE WHEN a.live_revision_id IS NOT NULL THEN a.live_revision_id
                     WHEN ${policy} = 'on-submit' THEN a.working_revision_id END
    WHERE r.article_id = a.id AND r.state IN ('submitted', 'under_review', 'approved')
      AND (a.live_revision_id IS NOT NULL OR r.state <> 'approved') AND a.lifecycle = 'active'`;
}

const policyNow = (): PublishPolicy => getSiteSettings().publishPolicy;

type SummaryRow = {
  id: number;
  slug: string;
  topic: string;
  question: string;
  state: ReaderStatus;
  updatedAt: string;
  approvedAt: string | null;
  lastReviewedAt: string | null;
};

/** Summaries of the given article ids, in that order; visibility is checked again on each. */
function summariesOf(ids: number[], policy: PublishPolicy): ReaderArticleSummary[] {
  if (ids.length === 0) return [];
  const rows = getDb().all<SummaryRow>(sql`
    SELECT a.id AS id, a.slug AS slug, a.topic AS topic, a.last_reviewed_at AS lastReviewedAt,
      r.question AS question, r.approved_at AS approvedAt, r.state AS state, r.updated_at AS updatedAt
    ${visibleFrom(policy)} AND a.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        slug: r.slug,
        topic: r.topic,
        question: r.question,
        status: r.state,
        lastUpdated: r.updatedAt,
        lastReviewed: r.state === "approved" ? (r.lastReviewedAt ?? r.approvedAt ?? null) : null,
      },
    ];
  });
}

/**
 * The newest visible articles (home, feed). Walks revisions readers could see from the newest
 * (revisions_reader_updated_idx) and keeps those that are their article's visible revision, so
 * the walk stops after `limit` hits instead of sorting every article.
 */
export function latestVisibleArticles(limit: number): ReaderArticleSummary[] {
  const policy = policyNow();
  const ids = getDb()
    .all<{ id: number }>(
      sql`SELECT a.id AS id
      FROM revisions n INDEXED BY revisions_reader_updated_idx
      JOIN articles a ON a.id = n.article_id
      WHERE n.state IN ('submitted', 'under_review', 'approved')
        AND n.id = CASE WHEN a.live_revision_id IS NOT NULL THEN a.live_revision_id
                        WHEN ${policy} = 'on-submit' THEN a.working_revision_id END
        AND (a.live_revision_id IS NOT NULL OR n.state <> 'approved') AND a.lifecycle = 'active'
      ORDER BY n.updated_at DESC, n.id DESC
      LIMIT ${limit}`,
    )
    .map((r) => r.id);
  return summariesOf(ids, policy);
}

export type ReaderTopic = { topic: string; slug: string; count: number };

/** Every topic with at least one visible article, with the true number of them, by name. */
export function listTopics(): ReaderTopic[] {
  const rows = getDb().all<{ topic: string; count: number }>(sql`
    SELECT a.topic AS topic, count(*) AS count ${visibleFrom(policyNow(), "articles_topic_reader_idx")} AND a.topic <> ''
    GROUP BY a.topic`);
  return rows.map((r) => ({ topic: r.topic, slug: topicSlug(r.topic), count: r.count })).sort((a, b) => a.topic.localeCompare(b.topic));
}

/**
 * The topic names behind a topic slug (names are free text; two spellings can share a slug). The
 * distinct topics come from the topic index alone, a handful of rows.
 */
export function topicNamesForSlug(slug: string): string[] {
  return getDb()
    .all<{ topic: string }>(sql`SELECT DISTINCT topic FROM articles INDEXED BY articles_topic_reader_idx WHERE topic <> ''`)
    .map((r) => r.topic)
    .filter((t) => topicSlug(t) === slug);
}

export const TOPIC_PAGE_SIZE = 50;

export type TopicPage = { topic: string; slug: string; total: number; page: number; pageCount: number; articles: ReaderArticleSummary[] };

const inList = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * One page of a topic's visible articles, most recently updated first, with the true total; a page
 * past the end shows the last page, anything else invalid the first (lib/pagination.ts). Null
 * when the topic has no visible article.
 */
export function topicPage(slug: string, requestedPage: number, size = TOPIC_PAGE_SIZE): TopicPage | null {
  const names = topicNamesForSlug(slug);
  if (names.length === 0) return null;
  const policy = policyNow();
  const from = visibleFrom(policy, "articles_topic_reader_idx");
  const total = getDb().get<{ n: number }>(sql`SELECT count(*) AS n ${from} AND a.topic IN (${inList(names)})`)?.n ?? 0;
  if (total === 0) return null;
  const page = clampPage(requestedPage, total, size);
  const ids = getDb()
    .all<{ id: number }>(
      sql`SELECT a.id AS id ${from} AND a.topic IN (${inList(names)})
      ORDER BY r.updated_at DESC, a.id DESC LIMIT ${size} OFFSET ${pageOffset(page, size)}`,
    )
    .map((r) => r.id);
  const articles = summariesOf(ids, policy);
  return { topic: articles[0]?.topic ?? names[0], slug, total, page, pageCount: pageCount(total, size), articles };
}

export type ApiListQuery = { limit: number; afterId: number | null; topics: string[] | null; updatedSince: string | null };

/**
 * One page of the public API's list: visible articles by article id (a keyset that new or edited
 * articles never shift, so following `next` to the end reaches every article that stayed
 * visible), optionally only some topics and those updated at or after a time. Reads one more row
 * than the page to know whether another page follows.
 */
export function apiArticlePage(q: ApiListQuery): { articles: ReaderArticleSummary[]; lastId: number | null; more: boolean } {
  const policy = policyNow();
  const conditions: SQL[] = [];
  if (q.afterId !== null) conditions.push(sql`a.id > ${q.afterId}`);
  if (q.topics) conditions.push(sql`a.topic IN (${inList(q.topics)})`);
  if (q.updatedSince) conditions.push(sql`r.updated_at >= ${q.updatedSince}`);
  const extra = conditions.length ? sql` AND ${sql.join(conditions, sql` AND `)}` : sql``;
  const ids = getDb()
    .all<{ id: number }>(
      sql`SELECT a.id AS id ${visibleFrom(policy, q.topics ? "articles_topic_reader_idx" : null)}${extra} ORDER BY a.id LIMIT ${q.limit + 1}`,
    )
    .map((r) => r.id);
  const more = ids.length > q.limit;
  const pageIds = ids.slice(0, q.limit);
  return { articles: summariesOf(pageIds, policy), lastId: pageIds.at(-1) ?? null, more };
}

export type SitemapArticle = { slug: string; lastUpdated: string };
export type SitemapChunk = { lastModified: string | null };

/** How many visible articles there are, and the newest update among them. */
export function visibleArticleStats(): { count: number; newest: string | null } {
  const row = getDb().get<{ count: number; newest: string | null }>(
    sql`SELECT count(*) AS count, max(r.updated_at) AS newest ${visibleFrom(policyNow())}`,
  );
  return { count: row?.count ?? 0, newest: row?.newest ?? null };
}

/** The newest update in each run of `size` visible articles by id: a sitemap index's `lastmod`s. */
export function sitemapChunks(size: number): SitemapChunk[] {
  return getDb()
    .all<{ lastModified: string | null }>(
      sql`SELECT max(updatedAt) AS lastModified FROM (
        SELECT CAST((row_number() OVER (ORDER BY a.id) - 1) / ${size} AS INTEGER) AS chunk, r.updated_at AS updatedAt ${visibleFrom(policyNow())}
      ) GROUP BY chunk ORDER BY chunk`,
    )
    .map((r) => ({ lastModified: r.lastModified }));
}

/** The `chunk`-th run (from 0) of `size` visible articles by id: one sitemap file's articles. */
export function sitemapArticles(chunk: number, size: number): SitemapArticle[] {
  return getDb().all<SitemapArticle>(
    sql`SELECT a.slug AS slug, r.updated_at AS lastUpdated ${visibleFrom(policyNow())}
    ORDER BY a.id LIMIT ${size} OFFSET ${chunk * size}`,
  );
}
