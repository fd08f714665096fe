import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { stateCounts } from "@/lib/dal/dashboard";
import type { CurrentUser } from "@/lib/dal/session";
import { WORKFLOW_STATES, type WorkflowState } from "@/lib/domain";
import { doiKey, normalizePmid, parseDoi } from "@/lib/citations/identifiers";
import { canListAllArticles } from "@/lib/permissions";
import { toSearchQuery } from "@/lib/reader/search-query";
import type { ArticleIndexFilter } from "@/lib/validations/article-index";
import { z } from "@/lib/validations/zod";

/**
 * The staff article index (/editor/articles, its CSV export and bulk actions): every article in
 * every state, filtered in SQL and paged by a keyset cursor over the sort's index (migration
 * 0008), 50 a page, so page 20 costs what page 1 does and an edit elsewhere never shifts a page.
 * Editors and admins see every article; a reviewer only those whose working revision they are
 * assigned to (the scope is a filter here, asked of lib/permissions).
 */
export const ARTICLE_INDEX_PAGE = 50;

export type ArticleIndexRow = {
  id: number;
  slug: string;
  topic: string;
  question: string;
  state: WorkflowState;
  revisionNumber: number;
  author: string;
  updatedAt: string;
  reviewDueAt: string | null;
  isLive: boolean;
  flagged: boolean;
};

/** What a search box entry matched: a reference by citekey, DOI or PMID, else words in the text. */
export type IndexSearch = { kind: "reference"; id: number; label: string } | { kind: "text"; match: string } | null;

export function resolveSearch(q: string | undefined): IndexSearch {
  if (!q) return null;
  const doi = parseDoi(q);
  const pmid = /^(?:pmid\b|[1-9]\d{0,9}$|https?:)/i.test(q) ? normalizePmid(q) : null;
  const ref = getDb().get<{ id: number; citekey: string }>(
    doi
      ? sql`SELECT id, citekey FROM library_references WHERE doi_key = ${doiKey(doi)}`
      : pmid && /^[1-9]\d{0,9}$/.test(pmid)
        ? sql`SELECT id, citekey FROM library_references WHERE pmid = ${pmid}`
        : sql`SELECT id, citekey FROM library_references WHERE citekey = ${q.replace(/^@/, "")}`,
  );
  if (ref) return { kind: "reference", id: ref.id, label: ref.citekey };
  const fts = toSearchQuery(q);
  return fts ? { kind: "text", match: fts.prefix } : null;
}

const citing = (
  referenceId: SQL,
) => sql`(a.working_revision_id IN (SELECT revision_id FROM revision_citations WHERE reference_id = ${referenceId})
  OR a.live_revision_id IN (SELECT revision_id FROM revision_citations WHERE reference_id = ${referenceId}))`;

/** The WHERE conditions of a view, for this viewer; `withState: false` leaves the state out (the per-state counts). */
function conditions(viewer: CurrentUser, filter: ArticleIndexFilter, search: IndexSearch, now: string, withState = true): SQL[] {
  const out: SQL[] = [];
  const reviewer = canListAllArticles(viewer) ? filter.reviewer : viewer.id;
  if (withState && filter.state) out.push(sql`r.state = ${filter.state}`);
  if (filter.lifecycle === "scheduled")
    out.push(sql`a.lifecycle = 'active' AND r.state = 'approved' AND r.publish_at IS NOT NULL AND a.live_revision_id IS NOT r.id`);
  else if (filter.lifecycle === "live") out.push(sql`a.lifecycle = 'active' AND a.live_revision_id IS NOT NULL`);
  else if (filter.lifecycle) out.push(sql`a.lifecycle = ${filter.lifecycle}`);
  if (filter.topic) out.push(sql`a.topic = ${filter.topic}`);
  if (filter.author) out.push(sql`a.working_revision_id IN (SELECT id FROM revisions WHERE author_id = ${filter.author})`);
  if (reviewer)
    out.push(
      sql`a.working_revision_id IN (SELECT revision_id FROM review_assignments WHERE reviewer_id = ${reviewer} AND removed_at IS NULL)`,
    );
  if (filter.due === "overdue") out.push(sql`a.live_revision_id IS NOT NULL AND a.review_due_at < ${now}`);
  else if (filter.due === "rereview")
    out.push(sql`a.live_revision_id IS NOT NULL AND (a.review_due_at < ${now} OR a.re_review_flagged_at IS NOT NULL)`);
  else if (typeof filter.due === "number") {
    const until = new Date(Date.parse(now) + filter.due * 86_400_000).toISOString();
    out.push(sql`a.live_revision_id IS NOT NULL AND a.review_due_at >= ${now} AND a.review_due_at < ${until}`);
  }
  if (filter.retracted)
    out.push(sql`a.working_revision_id IN (SELECT rc.revision_id FROM revision_citations rc
      JOIN library_references l ON l.id = rc.reference_id WHERE l.retracted = 1)`);
  if (filter.updated) out.push(sql`a.updated_at >= ${`${filter.updated}T00:00:00.000Z`}`);
  if (filter.ref) out.push(citing(sql`${filter.ref}`));
  if (search?.kind === "reference") out.push(citing(sql`${search.id}`));
  if (search?.kind === "text")
    out.push(sql`a.id IN (SELECT rowid FROM staff_article_search WHERE staff_article_search MATCH ${search.match})`);
  return out;
}

const FROM = sql`FROM articles a JOIN revisions r ON r.id = a.working_revision_id`;
// Question order: walk the questions in order and keep working revisions (CROSS JOIN fixes the loop order in SQLite).
const FROM_BY_QUESTION = sql`FROM revisions r INDEXED BY revisions_question_idx CROSS JOIN articles a ON a.working_revision_id = r.id`;
const whereOf = (parts: SQL[]) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);

// The position after a page's last row, for each sort.
const cursorShape = z.strictObject({
  s: z.enum(["updated", "due", "question"]),
  k: z.string().nullable(),
  id: z.number().int().positive(),
});
type Cursor = z.infer<typeof cursorShape>;

function orderAndSeek(sort: ArticleIndexFilter["sort"], cursor: Cursor | null): { seek: SQL | null; order: SQL; key: SQL; tiebreak: SQL } {
  if (sort === "question") {
    // Walked on revisions_question_idx from the revision side (FROM_BY_QUESTION), the revision id as tie-break.
    return {
      seek: cursor ? sql`(r.question, r.id) > (${cursor.k ?? ""}, ${cursor.id})` : null,
      order: sql`ORDER BY r.question, r.id`,
      key: sql`r.question`,
      tiebreak: sql`r.id`,
    };
  }
  if (sort === "due") {
    // Soonest due first, undated last: the cursor's key is null once the undated tail is reached.
    const seek = !cursor
      ? null
      : cursor.k === null
        ? sql`(a.review_due_at IS NULL AND a.id > ${cursor.id})`
        : sql`((a.review_due_at IS NOT NULL AND (a.review_due_at, a.id) > (${cursor.k}, ${cursor.id})) OR a.review_due_at IS NULL)`;
    return { seek, order: sql`ORDER BY a.review_due_at IS NULL, a.review_due_at, a.id`, key: sql`a.review_due_at`, tiebreak: sql`a.id` };
  }
  return {
    seek: cursor ? sql`(a.updated_at, a.id) < (${cursor.k ?? ""}, ${cursor.id})` : null,
    order: sql`ORDER BY a.updated_at DESC, a.id DESC`,
    key: sql`a.updated_at`,
    tiebreak: sql`a.id`,
  };
}

export type ArticleIndexPage = { rows: ArticleIndexRow[]; next: string | null; search: IndexSearch; badCursor: boolean };

/** Ids and sort keys of up to `size` articles of the view after `cursor`, and the cursor after them. */
function pageIds(
  viewer: CurrentUser,
  filter: ArticleIndexFilter,
  search: IndexSearch,
  cursor: Cursor | null,
  size: number,
  now: string,
): { ids: number[]; next: string | null } {
  const { seek, order, key, tiebreak } = orderAndSeek(filter.sort, cursor);
  const parts = conditions(viewer, filter, search, now);
  if (seek) parts.push(seek);
  const from = filter.sort === "question" ? FROM_BY_QUESTION : FROM;
  const rows = getDb().all<{ id: number; k: string | null; t: number }>(
    sql`SELECT a.id AS id, ${key} AS k, ${tiebreak} AS t ${from} ${whereOf(parts)} ${order} LIMIT ${size + 1}`,
  );
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const next = rows.length > size && last ? encodeCursor({ s: filter.sort, k: last.k, id: last.t } satisfies Cursor) : null;
  return { ids: page.map((r) => r.id), next };
}

function rowsFor(ids: number[]): ArticleIndexRow[] {
  if (ids.length === 0) return [];
  const rows = getDb().all<Omit<ArticleIndexRow, "isLive" | "flagged"> & { isLive: number; flagged: number }>(sql`
    SELECT a.id AS id, a.slug AS slug, a.topic AS topic, r.question AS question, r.state AS state, r.number AS revisionNumber,
      coalesce(u.name, '') AS author, a.updated_at AS updatedAt, a.review_due_at AS reviewDueAt,
      a.live_revision_id IS NOT NULL AS isLive, a.re_review_flagged_at IS NOT NULL AS flagged
    FROM articles a JOIN revisions r ON r.id = a.working_revision_id LEFT JOIN users u ON u.id = r.author_id
    WHERE a.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const byId = new Map(rows.map((r) => [r.id, { ...r, isLive: !!r.isLive, flagged: !!r.flagged }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of the view. A cursor that is not one of ours, or made for another sort, reads as the first page (`badCursor`). */
export function articleIndexPage(viewer: CurrentUser, filter: ArticleIndexFilter, size = ARTICLE_INDEX_PAGE): ArticleIndexPage {
  const now = new Date().toISOString();
  const search = resolveSearch(filter.q);
  let cursor = filter.cursor ? decodeCursor(filter.cursor, cursorShape) : null;
  const badCursor = !!filter.cursor && (!cursor || cursor.s !== filter.sort);
  if (badCursor) cursor = null;
  const { ids, next } = pageIds(viewer, filter, search, cursor, size, now);
  return { rows: rowsFor(ids), next, search, badCursor };
}

/** How many articles of the view are in each state (the state filter itself left out), and in all. */
export function articleIndexCounts(
  viewer: CurrentUser,
  filter: ArticleIndexFilter,
): { byState: Record<WorkflowState, number>; total: number } {
  const now = new Date().toISOString();
  const search = resolveSearch(filter.q);
  const parts = conditions(viewer, filter, search, now, false);
  if (parts.length === 0) {
    // Every article: the dashboard's counts, kept until the next write (lib/dal/dashboard.ts).
    const byState = stateCounts();
    return { byState, total: filter.state ? byState[filter.state] : Object.values(byState).reduce((a, b) => a + b, 0) };
  }
  const rows = getDb().all<{ state: WorkflowState; n: number }>(
    sql`SELECT r.state AS state, count(*) AS n ${FROM} ${whereOf(parts)} GROUP BY r.state`,
  );
  const byState = Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 0])) as Record<WorkflowState, number>;
  for (const r of rows) byState[r.state] = r.n;
  const total = filter.state ? byState[filter.state] : Object.values(byState).reduce((a, b) => a + b, 0);
  return { byState, total };
}

/** Every article of the view, a batch at a time in the view's order (CSV export, bulk actions on the whole view). */
export function* articleIndexBatches(viewer: CurrentUser, filter: ArticleIndexFilter, batch = 500): Generator<ArticleIndexRow[]> {
  const now = new Date().toISOString();
  const search = resolveSearch(filter.q);
  let cursor: Cursor | null = null;
  for (;;) {
    const { ids, next } = pageIds(viewer, filter, search, cursor, batch, now);
    if (ids.length) yield rowsFor(ids);
    if (!next) return;
    cursor = decodeCursor(next, cursorShape);
  }
}

/** Ids of every article of the view (bulk actions on the whole filtered view). */
export function articleIndexIds(viewer: CurrentUser, filter: ArticleIndexFilter): number[] {
  const now = new Date().toISOString();
  const search = resolveSearch(filter.q);
  const { order } = orderAndSeek(filter.sort, null);
  const from = filter.sort === "question" ? FROM_BY_QUESTION : FROM;
  return getDb()
    .all<{ id: number }>(sql`SELECT a.id AS id ${from} ${whereOf(conditions(viewer, filter, search, now))} ${order}`)
    .map((r) => r.id);
}

export type IndexOption = { id: number; name: string };

/** Choices for the filter form: topics, authors (staff who wrote a revision) and reviewers. */
export function articleIndexOptions(): { topics: string[]; authors: IndexOption[]; reviewers: IndexOption[] } {
  const db = getDb();
  return {
    topics: db
      .all<{ topic: string }>(
        sql`SELECT DISTINCT topic FROM articles INDEXED BY articles_topic_reader_idx WHERE topic <> '' ORDER BY topic`,
      )
      .map((r) => r.topic),
    authors: db.all<IndexOption>(sql`SELECT id, name FROM users WHERE role IN ('editor', 'admin') ORDER BY name`),
    reviewers: db.all<IndexOption>(sql`SELECT id, name FROM users WHERE role = 'reviewer' ORDER BY name`),
  };
}
