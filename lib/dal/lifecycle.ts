import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { articles, reviewAssignments, revisions, signOffs, users } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { appendAuditEvent } from "@/lib/dal/audit";
import { notifyEach } from "@/lib/dal/notifications";
import { enqueueExpiry, enqueuePublication, makeLive, retractedCitations } from "@/lib/dal/publication";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { syncArticleSearch } from "@/lib/dal/search-index";
import type { CurrentUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import { asActor, nowIso, WorkflowError, type ArticleRow, type RevisionRow } from "@/lib/dal/workflow-context";
import { formatZonedWithUtc, zonedTimeToUtc } from "@/lib/time-zone";
import type { ArchiveArticleInput, ScheduleInput, WithdrawArticleInput } from "@/lib/validations/lifecycle";
import { checkLifecycleAction, type LifecycleAction } from "@/lib/workflow/lifecycle";

/**
 * The staff side of the publishing lifecycle: schedule (or move, or cancel) a revision's
 * publication and expiry, withdraw a live article with a public reason, republish it, archive it
 * with a successor. Each is one transaction with its check (lib/workflow/lifecycle.ts), the
 * write, the audit event and the notifications.
 */

export type LifecycleOutcome = { articleId: number; slug: string };

export const editorsMayWithdraw = () => getSiteSettings().withdrawBy === "admins-and-editors";

function requireLifecycle(user: CurrentUser, action: LifecycleAction, article: ArticleRow, revision?: RevisionRow): void {
  const verdict = checkLifecycleAction({
    action,
    actor: asActor(user),
    editorsMayWithdraw: editorsMayWithdraw(),
    lifecycle: article.lifecycle,
    revisionState: revision?.state,
  });
  if (!verdict.ok) throw new WorkflowError(verdict.code, `${verdict.reason}.`);
}

function loadArticle(tx: Tx, articleId: number): ArticleRow {
  const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw new WorkflowError("not_found", "That article doesn't exist.");
  return article;
}

/** The question readers knew the article by: its live revision's, else its working one's. */
function questionOf(tx: Tx, article: ArticleRow): string {
  const id = article.liveRevisionId ?? article.workingRevisionId;
  if (!id) return article.slug;
  return tx.select({ question: revisions.question }).from(revisions).where(eq(revisions.id, id)).get()?.question ?? article.slug;
}

/** Everyone who wrote, assigned or reviewed the article's live or working revision. */
function editorsAndReviewers(tx: Tx, article: ArticleRow): number[] {
  const ids = [article.liveRevisionId, article.workingRevisionId].filter((id): id is number => id != null);
  if (ids.length === 0) return article.createdById ? [article.createdById] : [];
  const authors = tx.select({ id: revisions.authorId }).from(revisions).where(inArray(revisions.id, ids)).all();
  const panel = tx
    .select({ reviewerId: reviewAssignments.reviewerId, assignedById: reviewAssignments.assignedById })
    .from(reviewAssignments)
    .where(and(inArray(reviewAssignments.revisionId, ids), isNull(reviewAssignments.removedAt)))
    .all();
  const signers = tx.selectDistinct({ id: signOffs.reviewerId }).from(signOffs).where(inArray(signOffs.revisionId, ids)).all();
  return [
    ...(article.createdById ? [article.createdById] : []),
    ...authors.map((a) => a.id),
    ...panel.flatMap((p) => [p.reviewerId, ...(p.assignedById ? [p.assignedById] : [])]),
    ...signers.map((s) => s.id),
  ];
}

/** A wall-clock time from the form, in the site's zone, as a UTC ISO string (the schema checked it). */
function toUtc(local: string, timeZone: string): string | null {
  return local ? (zonedTimeToUtc(local, timeZone)?.toISOString() ?? null) : null;
}

/**
 * Sets, moves or clears a revision's publication time and expiry, before or after its approval.
 * An approved revision that is not live yet gets its publication job at the new time (the job for
 * the old time finds the time changed and does nothing); clearing the time of an approved one
 * holds it, approved and off the site, until a time is set again.
 */
export function scheduleRevision(user: CurrentUser, input: ScheduleInput): LifecycleOutcome & { publishAt: string | null } {
  return writeTransaction((tx) => {
    const revision = tx.select().from(revisions).where(eq(revisions.id, input.revisionId)).get();
    if (!revision) throw new WorkflowError("not_found", "That revision doesn't exist.");
    const article = loadArticle(tx, revision.articleId);
    requireLifecycle(user, "schedule_publication", article, revision);
    const zone = getSiteSettings().timeZone;
    if (input.timeZone !== zone) {
      throw ActionError.field("publishAt", `The site's time zone is now ${zone}; reload the page and enter the time again.`);
    }
    if (article.workingRevisionId !== revision.id && article.liveRevisionId !== revision.id) {
      throw new WorkflowError("conflict", "This revision has been replaced by a newer one. Open the article again.");
    }
    const isLive = article.liveRevisionId === revision.id;
    const publishAt = toUtc(input.publishAt, zone);
    const unpublishAt = toUtc(input.unpublishAt, zone);
    if (isLive && publishAt) throw ActionError.field("publishAt", "This revision is already live; only its expiry can be set.");
    if (isLive && !unpublishAt && !revision.unpublishAt) {
      throw ActionError.field("unpublishAt", "Set an expiry time, or leave the form: this revision is already live.");
    }
    tx.update(revisions)
      .set({ publishAt: isLive ? revision.publishAt : publishAt, unpublishAt, publishBlockedReason: null, publishBlockedAt: null })
      .where(eq(revisions.id, revision.id))
      .run();
    const waitsForTime = revision.state === "approved" && !isLive;
    if (waitsForTime && publishAt) enqueuePublication(tx, revision.id, publishAt);
    if (isLive && unpublishAt) enqueueExpiry(tx, revision.id, unpublishAt);
    tx.update(articles).set({ updatedAt: nowIso() }).where(eq(articles.id, article.id)).run();
    appendAuditEvent(tx, {
      actor: user,
      action: publishAt || unpublishAt ? "revision.schedule" : "revision.schedule_cancel",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: {
        before: { publishAt: revision.publishAt, unpublishAt: revision.unpublishAt },
        after: { publishAt: isLive ? revision.publishAt : publishAt, unpublishAt },
        timeZone: zone,
        state: revision.state,
      },
    });
    return { articleId: article.id, slug: article.slug, publishAt };
  });
}

function takeDownNotice(tx: Tx, user: CurrentUser, article: ArticleRow, message: string, event: string): void {
  notifyEach(
    tx,
    editorsAndReviewers(tx, article),
    "article_withdrawn",
    message,
    { articleId: article.id },
    {
      actorId: user.id,
      eventKey: `${event}:${article.id}:${nowIso()}`,
    },
  );
}

/** Takes a live article off the site at once: every reader URL answers 410 with the date and the reason. */
export function withdrawArticle(user: CurrentUser, input: WithdrawArticleInput): LifecycleOutcome {
  return writeTransaction((tx) => {
    const article = loadArticle(tx, input.articleId);
    requireLifecycle(user, "withdraw_article", article);
    if (!article.liveRevisionId) {
      throw new WorkflowError("illegal_transition", "Only a published article can be withdrawn; this one has never gone live.");
    }
    const now = nowIso();
    tx.update(articles)
      .set({ lifecycle: "withdrawn", withdrawnAt: now, withdrawnById: user.id, withdrawnReason: input.reason, updatedAt: now })
      .where(eq(articles.id, article.id))
      .run();
    syncArticleSearch(tx, article.id);
    const question = questionOf(tx, article);
    takeDownNotice(tx, user, article, `${user.name} withdrew “${question}” from the site: ${input.reason}`, "withdrawn");
    appendAuditEvent(tx, {
      actor: user,
      action: "article.withdraw",
      targetType: "article",
      targetId: article.id,
      articleId: article.id,
      summary: { before: { lifecycle: article.lifecycle }, after: { lifecycle: "withdrawn" }, reason: input.reason },
    });
    return { articleId: article.id, slug: article.slug };
  });
}

/**
 * Puts a withdrawn article back: its newest approved revision (an approved working revision, else
 * the live one) goes live again if the text and its references are exactly what the board
 * approved; otherwise it needs a new approval first (start a re-review).
 */
export function republishArticle(user: CurrentUser, articleId: number): LifecycleOutcome & { revisionId: number } {
  return writeTransaction((tx) => {
    const article = loadArticle(tx, articleId);
    requireLifecycle(user, "republish", article);
    const ids = [article.workingRevisionId, article.liveRevisionId].filter((id): id is number => id != null);
    const approved = ids.length
      ? tx
          .select()
          .from(revisions)
          .where(and(inArray(revisions.id, ids), eq(revisions.state, "approved")))
          .all()
      : [];
    const candidate = approved.find((r) => r.id === article.workingRevisionId) ?? approved.find((r) => r.id === article.liveRevisionId);
    if (!candidate) throw new WorkflowError("illegal_transition", "There is no approved revision to republish; it needs a new approval.");
    const retracted = retractedCitations(tx, candidate);
    if (retracted.length || hashRevisionContent(tx, candidate) !== candidate.contentHash) {
      throw new WorkflowError(
        "conflict",
        "The approved text or its references changed since the board approved it, so it needs a new approval: start a re-review, then republish.",
      );
    }
    const now = nowIso();
    tx.update(articles)
      .set({ lifecycle: "active", withdrawnAt: null, withdrawnById: null, withdrawnReason: null, updatedAt: now })
      .where(eq(articles.id, article.id))
      .run();
    if (candidate.id !== article.liveRevisionId) {
      makeLive(tx, {
        actor: user,
        article: { ...article, lifecycle: "active" },
        revision: candidate,
        audit: { action: "revision.publish" },
      });
    } else {
      syncArticleSearch(tx, article.id);
    }
    takeDownNotice(tx, user, article, `${user.name} republished “${candidate.question}”.`, "republished");
    appendAuditEvent(tx, {
      actor: user,
      action: "article.republish",
      targetType: "article",
      targetId: article.id,
      articleId: article.id,
      summary: {
        before: { lifecycle: article.lifecycle, reason: article.withdrawnReason },
        after: { lifecycle: "active", liveRevisionId: candidate.id },
        contentHash: candidate.contentHash,
      },
    });
    return { articleId: article.id, slug: article.slug, revisionId: candidate.id };
  });
}

/** Archives an article, pointing at its successor (its URL then answers 301 there) or at nothing (410). */
export function archiveArticle(user: CurrentUser, input: ArchiveArticleInput): LifecycleOutcome & { successorSlug: string | null } {
  return writeTransaction((tx) => {
    const article = loadArticle(tx, input.articleId);
    requireLifecycle(user, "archive_article", article);
    let successor: ArticleRow | undefined;
    if (input.successorSlug) {
      successor = tx.select().from(articles).where(eq(articles.slug, input.successorSlug)).get();
      if (!successor || successor.id === article.id || successor.lifecycle !== "active" || !successor.liveRevisionId) {
        throw ActionError.field("successorSlug", "Enter the slug of another live article");
      }
    }
    const now = nowIso();
    const reason = input.reason || (successor ? "This article was replaced by a newer one." : "This article was archived.");
    tx.update(articles)
      .set({
        lifecycle: "archived",
        withdrawnAt: now,
        withdrawnById: user.id,
        withdrawnReason: reason,
        successorArticleId: successor?.id ?? null,
        updatedAt: now,
      })
      .where(eq(articles.id, article.id))
      .run();
    syncArticleSearch(tx, article.id);
    takeDownNotice(tx, user, article, `${user.name} archived “${questionOf(tx, article)}”.`, "archived");
    appendAuditEvent(tx, {
      actor: user,
      action: "article.archive",
      targetType: "article",
      targetId: article.id,
      articleId: article.id,
      summary: { before: { lifecycle: article.lifecycle }, after: { lifecycle: "archived", successor: successor?.slug ?? null }, reason },
    });
    return { articleId: article.id, slug: article.slug, successorSlug: successor?.slug ?? null };
  });
}

export type StaffLifecycle = {
  lifecycle: ArticleRow["lifecycle"];
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  successorSlug: string | null;
  /** The working revision's schedule, in UTC, and the site's zone for showing it. */
  publishAt: string | null;
  unpublishAt: string | null;
  publishBlockedReason: string | null;
  liveSince: string | null;
  timeZone: string;
  publishAtText: string | null;
  unpublishAtText: string | null;
};

/** The lifecycle panel of the article overview. */
export function staffLifecycle(tx: Tx, article: ArticleRow, revision: RevisionRow): StaffLifecycle {
  const zone = getSiteSettings().timeZone;
  const by = article.withdrawnById
    ? (tx.select({ name: users.name }).from(users).where(eq(users.id, article.withdrawnById)).get()?.name ?? null)
    : null;
  const successor = article.successorArticleId
    ? (tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, article.successorArticleId)).get()?.slug ?? null)
    : null;
  const live = article.liveRevisionId
    ? tx
        .select({ approvedAt: revisions.approvedAt, unpublishAt: revisions.unpublishAt })
        .from(revisions)
        .where(eq(revisions.id, article.liveRevisionId))
        .get()
    : undefined;
  const unpublishAt = revision.id === article.liveRevisionId ? revision.unpublishAt : (revision.unpublishAt ?? live?.unpublishAt ?? null);
  return {
    lifecycle: article.lifecycle,
    withdrawnAt: article.withdrawnAt,
    withdrawnReason: article.withdrawnReason,
    withdrawnBy: by,
    successorSlug: successor,
    publishAt: revision.publishAt,
    unpublishAt,
    publishBlockedReason: revision.publishBlockedReason,
    liveSince: live?.approvedAt ?? null,
    timeZone: zone,
    publishAtText: revision.publishAt ? formatZonedWithUtc(revision.publishAt, zone) : null,
    unpublishAtText: unpublishAt ? formatZonedWithUtc(unpublishAt, zone) : null,
  };
}
