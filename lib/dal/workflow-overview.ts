import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, boardProfiles, revisions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";
import { quorumStatus, signOffItems, type QuorumStatus, type SignOffItem } from "@/lib/dal/review";
import { getPublishPolicy } from "@/lib/dal/settings";
import { editorsMayWithdraw, staffLifecycle, type StaffLifecycle } from "@/lib/dal/lifecycle";
import { activePanel, asActor, checklistFor, specialtiesOf, type PanelMember, type RevisionRow } from "@/lib/dal/workflow-context";
import {
  availableRevisionActions,
  canBeAssignedReviewer,
  canSchedulePublication,
  canSignOff,
  canTakeDownArticle,
  canViewRevision,
} from "@/lib/permissions";
import type { SubmissionChecklist } from "@/lib/submission-checks";
import { readerRevisionId } from "@/lib/visibility";
import { isReviewOverdue, specialtyMatchesTopic } from "@/lib/workflow";

export type ArticleOverview = {
  article: {
    id: number;
    slug: string;
    topic: string;
    lastReviewedAt: string | null;
    reviewDueAt: string | null;
    reReviewReason: string | null;
    overdue: boolean;
    /** Readers can open the article's public page now (lib/visibility.ts). */
    readerVisible: boolean;
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
    /** The editor's one line on what changed (public on the version history once approved). */
    changeSummary: string;
  };
  live: { id: number; number: number; approvedAt: string | null } | null;
  checklist: SubmissionChecklist;
  panel: (PanelMember & { approvedCurrentText: boolean })[];
  /** Board members who could join the panel; `satisfies` names the missing mix requirements each would meet. */
  candidates: { id: number; name: string; credentials: string; satisfies: string[] }[];
  quorum: QuorumStatus;
  signOffs: SignOffItem[];
  /** Scheduled for…, live since…, withdrawn on… by… because… (lib/dal/lifecycle.ts). */
  lifecycle: StaffLifecycle;
  /** What the viewer may do here now (lib/permissions.ts, from the transitions table); the write checks again. */
  can: {
    submit: boolean;
    withdraw: boolean;
    assign: boolean;
    changePanel: boolean;
    reReview: boolean;
    edit: boolean;
    signOff: boolean;
    escalate: boolean;
    /** Set the working revision's publication time or expiry. */
    schedule: boolean;
    /** Withdraw, republish or archive the article. */
    takeDown: boolean;
  };
};

/** The article overview for staff, or null when the viewer may not see it. */
export function getArticleOverview(user: CurrentUser, articleId: number): ArticleOverview | null {
  return getDb().transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article?.workingRevisionId) return null;
    const revision = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
    if (!revision) return null;
    const actor = asActor(user);
    const ref = { authorId: revision.authorId };
    const panel = activePanel(tx, revision.id);
    if (!canViewRevision(actor, ref, panel)) return null;
    const live = article.liveRevisionId
      ? (tx
          .select({ id: revisions.id, number: revisions.number, approvedAt: revisions.approvedAt })
          .from(revisions)
          .where(eq(revisions.id, article.liveRevisionId))
          .get() ?? null)
      : null;
    const quorum = quorumStatus(tx, article, revision, panel);
    const onPanel = new Set(panel.map((p) => p.reviewerId));
    const missing = quorum.mix.filter((m) => !m.met);
    const candidates = tx
      .select({
        id: users.id,
        name: users.name,
        role: users.role,
        active: users.active,
        credentials: boardProfiles.credentials,
        credentialClass: boardProfiles.credentialClass,
        specialties: boardProfiles.specialties,
      })
      .from(users)
      .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
      .orderBy(asc(users.name))
      .all()
      .filter((c) => !onPanel.has(c.id) && canBeAssignedReviewer(c, ref))
      .map((c) => ({
        id: c.id,
        name: c.name,
        credentials: c.credentials ?? "",
        satisfies: missing
          .filter((m) =>
            m.classes
              ? m.classes.includes(c.credentialClass ?? "other")
              : specialtiesOf(c.specialties).some((sp) => specialtyMatchesTopic(sp, article.topic)),
          )
          .map((m) => m.label),
      }));
    const author = tx.select({ name: users.name }).from(users).where(eq(users.id, revision.authorId)).get();
    const state = revision.state;
    const may = availableRevisionActions(actor, ref, panel, state);
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
        readerVisible: readerRevisionId(article, state, getPublishPolicy()) !== null,
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
        changeSummary: revision.changeSummary,
      },
      live,
      checklist: checklistFor(tx, revision),
      panel: panel.map((p) => ({ ...p, approvedCurrentText: quorum.approvedByIds.includes(p.reviewerId) })),
      candidates,
      quorum,
      signOffs: signOffItems(tx, revision, panel),
      lifecycle: staffLifecycle(tx, article, revision),
      can: {
        schedule: canSchedulePublication(actor) && article.lifecycle === "active",
        takeDown: canTakeDownArticle(actor, editorsMayWithdraw()),
        submit: may.submit,
        withdraw: may.withdraw,
        assign: may.assign_reviewers,
        changePanel: may.add_reviewer && may.remove_reviewer,
        // Only the live revision is re-reviewed; a newer working revision is already the next review.
        reReview: may.start_re_review && article.liveRevisionId === revision.id,
        edit: may.edit,
        signOff: canSignOff(actor, ref, panel),
        escalate: may.escalate_class,
      },
    };
  });
}
