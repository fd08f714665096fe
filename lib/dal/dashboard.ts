import "server-only";
import { and, count, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, followUpQuestions, revisions, users, type RevisionState } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";

export type ArticleRow = {
  articleId: number;
  slug: string;
  topic: string;
  question: string;
  state: RevisionState;
  revisionNumber: number;
  updatedAt: string;
  isLive: boolean;
  reviewDueAt: string | null;
};

const PAGE = 25;

/** The columns of a queue row: an article with its working revision. */
const ARTICLE_COLUMNS = {
  articleId: articles.id,
  slug: articles.slug,
  topic: articles.topic,
  question: revisions.question,
  state: revisions.state,
  revisionNumber: revisions.number,
  updatedAt: revisions.updatedAt,
  isLive: sql<number>`${articles.liveRevisionId} IS NOT NULL`,
  reviewDueAt: articles.reviewDueAt,
};

function articleRows(where: ReturnType<typeof and>, limit = PAGE): ArticleRow[] {
  return getDb()
    .select(ARTICLE_COLUMNS)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(where)
    .orderBy(desc(revisions.updatedAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, isLive: !!r.isLive }));
}

export function myDrafts(user: CurrentUser, limit = PAGE): ArticleRow[] {
  return articleRows(
    and(eq(revisions.authorId, user.id), or(eq(revisions.state, "draft"), eq(revisions.state, "changes_requested"))),
    limit,
  );
}

/**
 * The "Scheduled" queue: approved working revisions waiting for their publication time, soonest
 * first (revisions_scheduled_idx, migration 0010), with the time in `publishAt`.
 */
export function scheduledQueue(limit = PAGE): (ArticleRow & { publishAt: string })[] {
  return getDb()
    .select({
      ...ARTICLE_COLUMNS,
      publishAt: sql<string>`${revisions.publishAt}`,
    })
    .from(revisions)
    .innerJoin(articles, eq(articles.workingRevisionId, revisions.id))
    .where(
      and(
        isNotNull(revisions.publishAt),
        eq(revisions.state, "approved"),
        eq(articles.lifecycle, "active"),
        sql`${articles.liveRevisionId} IS NOT ${revisions.id}`,
      ),
    )
    .orderBy(revisions.publishAt)
    .limit(limit)
    .all()
    .map((r) => ({ ...r, isLive: !!r.isLive }));
}

export function articlesInState(state: RevisionState, limit = PAGE): ArticleRow[] {
  return articleRows(and(eq(revisions.state, state)), limit);
}

/**
 * The last counts per connection and the database write position they were taken at. An exact
 * count over every article costs ~100 ms at 100k articles, while dashboards are read far more often
 * than anything is written, so the counts are reused until something is written: total_changes()
 * moves with every write on this connection (triggers included) and data_version with every commit
 * by another connection (scripts, another process). Both are free to read.
 */
const countsCache = new WeakMap<object, { at: string; counts: Record<RevisionState, number> }>();

function writePosition(client: { prepare(sql: string): { pluck(): { get(): unknown } } }): string {
  return `${Number(client.prepare("SELECT total_changes()").pluck().get())}:${Number(client.prepare("PRAGMA data_version").pluck().get())}`;
}

export function stateCounts(): Record<RevisionState, number> {
  const db = getDb();
  const at = writePosition(db.$client);
  const cached = countsCache.get(db.$client);
  if (cached && cached.at === at) return { ...cached.counts };
  // Index-only (migration 0002): reading state from the wide revision rows costs an overflow read each.
  const rows = db.all<{ state: RevisionState; n: number }>(sql`SELECT r.state AS state, count(*) AS n
    FROM articles a JOIN revisions r INDEXED BY revisions_id_state_updated_idx ON r.id = a.working_revision_id
    GROUP BY r.state`);
  const counts = { draft: 0, submitted: 0, under_review: 0, changes_requested: 0, approved: 0 };
  for (const r of rows) counts[r.state] = r.n;
  countsCache.set(db.$client, { at, counts });
  return { ...counts };
}

/**
 * Live articles past their review-due date or flagged (e.g. a cited reference was retracted), from
 * the two small partial indexes of migration 0002 rather than a scan of every article.
 */
const OVERDUE_IDS = (now: string) => sql`SELECT id FROM articles WHERE live_revision_id IS NOT NULL AND review_due_at < ${now}
  UNION SELECT id FROM articles WHERE re_review_flagged_at IS NOT NULL AND live_revision_id IS NOT NULL`;

/** Approved articles past their review-due date, or flagged: the 25 most recently updated. */
export function overdueForReReview(now = new Date().toISOString()): ArticleRow[] {
  // The 25 newest are picked from the overdue ids and the narrow revision index (migration 0002),
  // instead of reading each working revision's wide row to sort.
  const newest = sql`(SELECT a2.id FROM articles a2
    JOIN revisions r2 INDEXED BY revisions_id_state_updated_idx ON r2.id = a2.working_revision_id
    WHERE a2.id IN (${OVERDUE_IDS(now)})
    ORDER BY r2.updated_at DESC LIMIT ${PAGE})`;
  return articleRows(
    and(
      isNotNull(articles.liveRevisionId),
      or(lt(articles.reviewDueAt, now), isNotNull(articles.reReviewFlaggedAt)),
      inArray(articles.id, newest),
    ),
  );
}

/**
 * How many articles are due for re-review (the list shows only the newest 25). Found through the two
 * partial indexes; SQLite still reads each candidate's article row (narrow, no bodies) for
 * live_revision_id, which a partial index's WHERE does not cover: ~1 ms for ~3,000 at 100k articles.
 */
export function overdueForReReviewCount(now = new Date().toISOString()): number {
  return getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM (${OVERDUE_IDS(now)})`)?.n ?? 0;
}

/**
 * The re-review queue as the dashboard shows it: the 25 most recently updated and how many there
 * are in all. A list shorter than a page is the whole queue, so it is counted only when full.
 */
export function reReviewQueue(now = new Date().toISOString()): { rows: ArticleRow[]; total: number } {
  const rows = overdueForReReview(now);
  return { rows, total: rows.length < PAGE ? rows.length : overdueForReReviewCount(now) };
}

export type AssignmentRow = {
  assignmentId: number;
  articleId: number;
  revisionId: number;
  question: string;
  state: RevisionState;
  dueAt: string | null;
  overdue: boolean;
  signedCurrentVersion: boolean;
  /** Approved an earlier text of this revision, not the current one. */
  needsSignAgain: boolean;
};

/** One page, shaped like the other paged lists (references, audit log). */
export type AssignmentPage = { rows: AssignmentRow[]; total: number; page: number; pageCount: number };

/**
 * A reviewer's current assignments on revisions still open for review (submitted or under review),
 * in display order (migration 0003). The unary + makes SQLite look each revision up once by id and
 * read its state from that index entry, instead of once per state (~20% of the count at 11k assignments).
 */
const OPEN_ASSIGNMENTS = (reviewerId: number) => sql`review_assignments ra INDEXED BY review_assignments_reviewer_due_idx
  JOIN revisions r INDEXED BY revisions_id_state_updated_idx ON r.id = ra.revision_id
  WHERE ra.reviewer_id = ${reviewerId} AND ra.removed_at IS NULL AND +r.state IN ('under_review', 'submitted')`;

type AssignmentPick = { assignmentId: number; revisionId: number; dueAt: string | null };
type AssignedRevision = {
  revisionId: number;
  articleId: number;
  question: string;
  state: RevisionState;
  signed: number;
  approvedEarlier: number;
};

/** The question, state and this reviewer's sign-offs of a few revisions: the only wide rows read. */
function assignedRevisions(reviewerId: number, revisionIds: number[]): Map<number, AssignedRevision> {
  // Sign-offs are looked up by revision (a handful each), not by reviewer (thousands for a board member).
  const rows = getDb()
    .all<AssignedRevision>(sql`SELECT r.id AS revisionId, r.article_id AS articleId, r.question AS question, r.state AS state,
      EXISTS (SELECT 1 FROM sign_offs s INDEXED BY sign_offs_revision_idx
        WHERE s.revision_id = r.id AND s.content_hash = r.content_hash AND s.reviewer_id = ${reviewerId}) AS signed,
      EXISTS (SELECT 1 FROM sign_offs s INDEXED BY sign_offs_revision_idx
        WHERE s.revision_id = r.id AND s.content_hash <> r.content_hash AND s.reviewer_id = ${reviewerId} AND s.decision = 'approve') AS approvedEarlier
    FROM revisions r WHERE r.id IN ${revisionIds}`);
  return new Map(rows.map((r) => [r.revisionId, r]));
}

/**
 * One page of a reviewer's open assignments, soonest due first, undated last, then by assignment id.
 * A board member accumulates thousands of assignments, and a revision row holds both wordings, so
 * reading its state or hash costs an overflow page each: the count and the page's ids come from
 * indexes alone (migration 0003 keeps the assignments in display order, so the walk stops at the
 * page without sorting), and only the page's revisions are read.
 */
export function myAssignments(
  user: CurrentUser,
  { page: requested = 1, pageSize = PAGE }: { page?: number; pageSize?: number } = {},
  now = new Date().toISOString(),
): AssignmentPage {
  const db = getDb();
  // One read transaction, so the count, the page's ids and their revisions agree.
  return db.$client.transaction((): AssignmentPage => {
    const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${OPEN_ASSIGNMENTS(user.id)}`)?.n ?? 0;
    const page = clampPage(requested, total, pageSize);
    const pages = pageCount(total, pageSize);
    if (total === 0) return { rows: [], total, page, pageCount: pages };
    const picked = db.all<AssignmentPick>(sql`SELECT ra.id AS assignmentId, ra.revision_id AS revisionId, ra.due_at AS dueAt
      FROM ${OPEN_ASSIGNMENTS(user.id)}
      ORDER BY ra.due_at IS NULL, ra.due_at, ra.id LIMIT ${pageSize} OFFSET ${pageOffset(page, pageSize)}`);
    const revisions = assignedRevisions(
      user.id,
      picked.map((p) => p.revisionId),
    );
    const rows = picked.map((p): AssignmentRow => {
      const r = revisions.get(p.revisionId)!;
      return {
        assignmentId: p.assignmentId,
        articleId: r.articleId,
        revisionId: p.revisionId,
        question: r.question,
        state: r.state,
        dueAt: p.dueAt,
        overdue: !!p.dueAt && p.dueAt < now && !r.signed,
        signedCurrentVersion: !!r.signed,
        needsSignAgain: !r.signed && !!r.approvedEarlier && r.state === "under_review",
      };
    });
    return { rows, total, page, pageCount: pages };
  })();
}

export function adminCounts() {
  const db = getDb();
  const byRole = db.select({ role: users.role, n: count() }).from(users).where(eq(users.active, true)).groupBy(users.role).all();
  const openQuestions = db.select({ n: count() }).from(followUpQuestions).where(eq(followUpQuestions.status, "new")).get()?.n ?? 0;
  return {
    activeUsers: Object.fromEntries(byRole.map((r) => [r.role, r.n])) as Partial<Record<"admin" | "editor" | "reviewer", number>>,
    openQuestions,
  };
}
