import "server-only";
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, followUpQuestions, reviewAssignments, revisions, signOffs, users, type RevisionState } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";

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

function articleRows(where: ReturnType<typeof and>, limit = PAGE): ArticleRow[] {
  return getDb()
    .select({
      articleId: articles.id,
      slug: articles.slug,
      topic: articles.topic,
      question: revisions.question,
      state: revisions.state,
      revisionNumber: revisions.number,
      updatedAt: revisions.updatedAt,
      isLive: sql<number>`${articles.liveRevisionId} IS NOT NULL`,
      reviewDueAt: articles.reviewDueAt,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(where)
    .orderBy(desc(revisions.updatedAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, isLive: !!r.isLive }));
}

export function myDrafts(user: CurrentUser): ArticleRow[] {
  return articleRows(and(eq(revisions.authorId, user.id), or(eq(revisions.state, "draft"), eq(revisions.state, "changes_requested"))));
}

export function articlesInState(state: RevisionState): ArticleRow[] {
  return articleRows(and(eq(revisions.state, state)));
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
  return `${client.prepare("SELECT total_changes()").pluck().get()}:${client.prepare("PRAGMA data_version").pluck().get()}`;
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

/** Approved articles past their review-due date, or flagged (e.g. a cited reference was retracted). */
export function overdueForReReview(now = new Date().toISOString()): ArticleRow[] {
  // The 25 newest are picked from two small partial indexes and the narrow revision index (migration 0002),
  // instead of scanning every article and reading each working revision's wide row to sort.
  const newest = sql`(SELECT a2.id FROM articles a2
    JOIN revisions r2 INDEXED BY revisions_id_state_updated_idx ON r2.id = a2.working_revision_id
    WHERE a2.id IN (SELECT id FROM articles WHERE live_revision_id IS NOT NULL AND review_due_at < ${now}
                    UNION SELECT id FROM articles WHERE re_review_flagged_at IS NOT NULL AND live_revision_id IS NOT NULL)
    ORDER BY r2.updated_at DESC LIMIT ${PAGE})`;
  return articleRows(and(isNotNull(articles.liveRevisionId), or(lt(articles.reviewDueAt, now), isNotNull(articles.reReviewFlaggedAt)), inArray(articles.id, newest)));
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

export function myAssignments(user: CurrentUser, now = new Date().toISOString()): AssignmentRow[] {
  const rows = getDb()
    .select({
      assignmentId: reviewAssignments.id,
      articleId: revisions.articleId,
      revisionId: revisions.id,
      question: revisions.question,
      state: revisions.state,
      dueAt: reviewAssignments.dueAt,
      signed: sql<number>`EXISTS (SELECT 1 FROM ${signOffs} WHERE ${signOffs.revisionId} = ${revisions.id}
        AND ${signOffs.reviewerId} = ${user.id} AND ${signOffs.contentHash} = ${revisions.contentHash})`,
      approvedEarlier: sql<number>`EXISTS (SELECT 1 FROM ${signOffs} WHERE ${signOffs.revisionId} = ${revisions.id}
        AND ${signOffs.reviewerId} = ${user.id} AND ${signOffs.decision} = 'approve' AND ${signOffs.contentHash} <> ${revisions.contentHash})`,
    })
    .from(reviewAssignments)
    .innerJoin(revisions, eq(revisions.id, reviewAssignments.revisionId))
    .where(
      and(
        eq(reviewAssignments.reviewerId, user.id),
        isNull(reviewAssignments.removedAt),
        or(eq(revisions.state, "under_review"), eq(revisions.state, "submitted")),
        // Narrow the reviewer's assignments to open revisions from indexes alone (migration 0002), so only
        // those rows are read; a board member accumulates thousands of assignments on approved revisions.
        inArray(
          reviewAssignments.revisionId,
          sql`(SELECT r3.id FROM review_assignments ra3 INDEXED BY review_assignments_reviewer_open_idx
            JOIN revisions r3 INDEXED BY revisions_id_state_updated_idx ON r3.id = ra3.revision_id
            WHERE ra3.reviewer_id = ${user.id} AND ra3.removed_at IS NULL AND r3.state IN ('under_review', 'submitted'))`,
        ),
      ),
    )
    .orderBy(sql`${reviewAssignments.dueAt} IS NULL`, reviewAssignments.dueAt)
    .all();
  return rows.map((r) => ({
    assignmentId: r.assignmentId,
    articleId: r.articleId,
    revisionId: r.revisionId,
    question: r.question,
    state: r.state,
    dueAt: r.dueAt,
    overdue: !!r.dueAt && r.dueAt < now && !r.signed,
    signedCurrentVersion: !!r.signed,
    needsSignAgain: !r.signed && !!r.approvedEarlier && r.state === "under_review",
  }));
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
