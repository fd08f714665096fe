import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, boardProfiles, revisions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";
import { quorumStatus, signOffItems, type QuorumStatus, type SignOffItem } from "@/lib/dal/review";
import { activePanel, asActor, checklistFor, type PanelMember, type RevisionRow } from "@/lib/dal/workflow-context";
import {
  canAssignReviewers,
  canEditRevision,
  canStartReReview,
  canSubmitRevision,
  canViewRevision,
  canWithdrawRevision,
} from "@/lib/permissions";
import type { SubmissionChecklist } from "@/lib/submission-checks";
import { isReviewOverdue, TRANSITIONS } from "@/lib/workflow";

export type ArticleOverview = {
  article: {
    id: number;
    slug: string;
    topic: string;
    lastReviewedAt: string | null;
    reviewDueAt: string | null;
    reReviewReason: string | null;
    overdue: boolean;
  };
  revision: {
    id: number;
    number: number;
    state: RevisionRow["state"];
    question: string;
    contentHash: string;
    authorName: string;
    updatedAt: string;
    isLive: boolean;
  };
  live: { id: number; number: number; approvedAt: string | null } | null;
  checklist: SubmissionChecklist;
  panel: (PanelMember & { approvedCurrentText: boolean })[];
  candidates: { id: number; name: string; credentials: string }[];
  quorum: QuorumStatus;
  signOffs: SignOffItem[];
  can: { submit: boolean; withdraw: boolean; assign: boolean; changePanel: boolean; reReview: boolean; edit: boolean; review: boolean };
};

/** The article overview for staff, or null when the viewer may not see it. */
export function getArticleOverview(user: CurrentUser, articleId: number): ArticleOverview | null {
  return getDb().transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article?.workingRevisionId) return null;
    const revision = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
    if (!revision) return null;
    const actor = asActor(user);
    const panel = activePanel(tx, revision.id);
    if (!canViewRevision(actor, { authorId: revision.authorId }, panel)) return null;
    const live = article.liveRevisionId
      ? (tx
          .select({ id: revisions.id, number: revisions.number, approvedAt: revisions.approvedAt })
          .from(revisions)
          .where(eq(revisions.id, article.liveRevisionId))
          .get() ?? null)
      : null;
    const quorum = quorumStatus(tx, revision, panel);
    const onPanel = new Set(panel.map((p) => p.reviewerId));
    const candidates = tx
      .select({ id: users.id, name: users.name, credentials: boardProfiles.credentials })
      .from(users)
      .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
      .where(and(eq(users.role, "reviewer"), eq(users.active, true)))
      .orderBy(asc(users.name))
      .all()
      .filter((c) => c.id !== revision.authorId && !onPanel.has(c.id))
      .map((c) => ({ ...c, credentials: c.credentials ?? "" }));
    const author = tx.select({ name: users.name }).from(users).where(eq(users.id, revision.authorId)).get();
    const state = revision.state;
    const now = new Date().toISOString();
    return {
      article: {
        id: article.id,
        slug: article.slug,
        topic: article.topic,
        lastReviewedAt: article.lastReviewedAt,
        reviewDueAt: article.reviewDueAt,
        reReviewReason: article.reReviewFlaggedAt ? (article.reReviewReason ?? "Flagged for re-review") : null,
        overdue: !!article.liveRevisionId && (isReviewOverdue(article.reviewDueAt, now) || !!article.reReviewFlaggedAt),
      },
      revision: {
        id: revision.id,
        number: revision.number,
        state,
        question: revision.question,
        contentHash: revision.contentHash,
        authorName: author?.name ?? "",
        updatedAt: revision.updatedAt,
        isLive: article.liveRevisionId === revision.id,
      },
      live,
      checklist: checklistFor(tx, revision),
      panel: panel.map((p) => ({ ...p, approvedCurrentText: quorum.approvedByIds.includes(p.reviewerId) })),
      candidates,
      quorum,
      signOffs: signOffItems(tx, revision, panel),
      can: {
        submit: canSubmitRevision(actor) && TRANSITIONS.submit.from.includes(state),
        withdraw: canWithdrawRevision(actor, { authorId: revision.authorId }) && TRANSITIONS.withdraw.from.includes(state),
        assign: canAssignReviewers(actor) && TRANSITIONS.assign_reviewers.from.includes(state),
        changePanel: canAssignReviewers(actor) && TRANSITIONS.add_reviewer.from.includes(state),
        reReview: canStartReReview(actor) && state === "approved" && article.liveRevisionId === revision.id,
        edit: canEditRevision(actor),
        review: true,
      },
    };
  });
}
