import "server-only";
import { and, count, desc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
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

export function stateCounts(): Record<RevisionState, number> {
  const rows = getDb()
    .select({ state: revisions.state, n: count() })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .groupBy(revisions.state)
    .all();
  const counts = { draft: 0, submitted: 0, under_review: 0, changes_requested: 0, approved: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

/** Approved articles past their review-due date, or flagged (e.g. a cited reference was retracted). */
export function overdueForReReview(now = new Date().toISOString()): ArticleRow[] {
  return articleRows(and(isNotNull(articles.liveRevisionId), or(lt(articles.reviewDueAt, now), isNotNull(articles.reReviewFlaggedAt))));
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
    .where(and(eq(reviewAssignments.reviewerId, user.id), isNull(reviewAssignments.removedAt), or(eq(revisions.state, "under_review"), eq(revisions.state, "submitted"))))
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
