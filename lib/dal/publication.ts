import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, references, reviewAssignments, revisions } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/dal/audit";
import { enqueueJob } from "@/lib/dal/jobs";
import { authorAndAssigningEditors, notifyEach } from "@/lib/dal/notifications";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { syncArticleSearch } from "@/lib/dal/search-index";
import { getSiteSettings } from "@/lib/dal/settings";
import { nowIso, type ArticleRow, type RevisionRow } from "@/lib/dal/workflow-context";
import { citekeysOf } from "@/lib/submission-checks";
import { formatZonedWithUtc } from "@/lib/time-zone";
import { reviewDueDate } from "@/lib/workflow";
import { checkPublishTime, publicationOnApproval } from "@/lib/workflow/lifecycle";
import type { ChangeClass } from "@/lib/domain";

/**
 * When an approved revision becomes what readers see: at once, or at its `publishAt` through the
 * `lifecycle.publish` job, which checks again at that time. How the approval quorum is reached is
 * quorum.ts's and sign-offs.ts's business; this module starts once it is.
 */

export const PUBLISH_JOB = "lifecycle.publish";
export const UNPUBLISH_JOB = "lifecycle.unpublish";

/** A job per revision and time: moving the schedule queues a new one, and the old one finds the time changed and does nothing. */
export function enqueuePublication(tx: Tx, revisionId: number, publishAt: string): void {
  enqueueJob(tx, {
    kind: PUBLISH_JOB,
    key: `publish:${revisionId}:${publishAt}`,
    payload: { revisionId, publishAt },
    runAt: new Date(publishAt),
  });
}

export function enqueueExpiry(tx: Tx, revisionId: number, unpublishAt: string): void {
  enqueueJob(tx, {
    kind: UNPUBLISH_JOB,
    key: `unpublish:${revisionId}:${unpublishAt}`,
    payload: { revisionId, unpublishAt },
    runAt: new Date(unpublishAt),
  });
}

/**
 * The revision becomes what readers see. The review clock restarts from now for a new or major
 * change; a minor one (a typo, a link) keeps "last reviewed" and "review due", as the NHS policy
 * does for partial edits. The class is the one the approval just verified, else the revision's own.
 */
export function makeLive(
  tx: Tx,
  input: {
    actor: AuditActor | null;
    article: ArticleRow;
    revision: RevisionRow;
    audit: { action: string; extra?: Record<string, unknown> };
    changeClass?: ChangeClass;
  },
): void {
  const { article, revision } = input;
  const now = nowIso();
  const months = getSiteSettings().reviewIntervalMonths;
  const changeClass = input.changeClass ?? revision.changeClass;
  const reviewed =
    changeClass === "minor"
      ? {}
      : { lastReviewedAt: now, reviewDueAt: reviewDueDate(now, months), reReviewFlaggedAt: null, reReviewReason: null };
  tx.update(revisions)
    .set({ state: "approved", approvedAt: revision.approvedAt ?? now, publishBlockedReason: null, publishBlockedAt: null, updatedAt: now })
    .where(eq(revisions.id, revision.id))
    .run();
  tx.update(articles)
    .set({
      liveRevisionId: revision.id,
      firstPublishedAt: article.firstPublishedAt ?? now,
      ...reviewed,
      updatedAt: now,
    })
    .where(eq(articles.id, article.id))
    .run();
  syncArticleSearch(tx, article.id);
  if (revision.unpublishAt) enqueueExpiry(tx, revision.id, revision.unpublishAt);
  appendAuditEvent(tx, {
    actor: input.actor,
    action: input.audit.action,
    targetType: "revision",
    targetId: revision.id,
    articleId: article.id,
    summary: {
      before: { state: revision.state, liveRevisionId: article.liveRevisionId },
      after: { state: "approved", liveRevisionId: revision.id, reviewDueAt: reviewed.reviewDueAt ?? article.reviewDueAt },
      contentHash: revision.contentHash,
      changeClass,
      ...input.audit.extra,
    },
  });
}

export type QuorumOutcome = { published: boolean; scheduledFor: string | null };

/**
 * The quorum was just reached on this revision (inside the approval's transaction): publish now,
 * or, with a publication time still ahead or an article taken down, approve and wait.
 */
export function onQuorumReached(
  tx: Tx,
  actor: AuditActor,
  article: ArticleRow,
  revision: RevisionRow,
  approvals: number[],
  changeClass: ChangeClass,
  now: Date = new Date(),
): QuorumOutcome {
  const decision = publicationOnApproval(revision.publishAt, now);
  const target = { articleId: article.id, revisionId: revision.id };
  const recipients = authorAndAssigningEditors(tx, revision);
  if (decision.kind === "publish_now" && article.lifecycle === "active") {
    makeLive(tx, { actor, article, revision, changeClass, audit: { action: "revision.approve", extra: { approvedBy: approvals } } });
    notifyEach(tx, recipients, "approved", `“${revision.question}” was approved by the board and is now live.`, target, {
      actorId: actor.id,
      eventKey: `approved:${revision.id}`,
    });
    return { published: true, scheduledFor: null };
  }
  const at = nowIso();
  tx.update(revisions).set({ state: "approved", approvedAt: at, updatedAt: at }).where(eq(revisions.id, revision.id)).run();
  tx.update(articles).set({ updatedAt: at }).where(eq(articles.id, article.id)).run();
  syncArticleSearch(tx, article.id);
  const scheduledFor = decision.kind === "scheduled" ? decision.at : null;
  if (scheduledFor) enqueuePublication(tx, revision.id, scheduledFor);
  const zone = getSiteSettings().timeZone;
  const message = scheduledFor
    ? `“${revision.question}” was approved by the board and is scheduled to go live on ${formatZonedWithUtc(scheduledFor, zone)}.`
    : `“${revision.question}” was approved by the board; the article is ${article.lifecycle}, so it stays off the site until it is republished.`;
  notifyEach(tx, recipients, "approved", message, target, { actorId: actor.id, eventKey: `approved:${revision.id}` });
  appendAuditEvent(tx, {
    actor,
    action: "revision.approve",
    targetType: "revision",
    targetId: revision.id,
    articleId: article.id,
    summary: {
      before: { state: revision.state },
      after: { state: "approved", liveRevisionId: article.liveRevisionId, scheduledFor, held: scheduledFor ? null : article.lifecycle },
      contentHash: revision.contentHash,
      changeClass,
      approvedBy: approvals,
    },
  });
  return { published: false, scheduledFor };
}

/** Titles of the references the revision cites that are marked retracted now. */
export function retractedCitations(tx: Tx, revision: Pick<RevisionRow, "question" | "clinicianBody" | "patientBody" | "disclosure">) {
  const keys = citekeysOf(revision);
  if (keys.length === 0) return [];
  return tx
    .select({ title: references.title })
    .from(references)
    .where(and(inArray(references.citekey, keys), eq(references.retracted, true)))
    .all()
    .map((r) => r.title);
}

/** Editors who hear about a scheduled publication: the author, whoever assigned the review, and whoever set the time. */
function schedulingEditors(tx: Tx, revision: RevisionRow): number[] {
  const assigners = tx
    .selectDistinct({ id: reviewAssignments.assignedById })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.revisionId, revision.id))
    .all()
    .flatMap((r) => (r.id == null ? [] : [r.id]));
  return [revision.authorId, ...assigners];
}

export type ScheduledRun = { slug: string; articleId: number; outcome: "published" | "refused" | "expired" | "stale" };

/**
 * The lifecycle.publish job's work, in one transaction: if the revision still waits for exactly
 * this time, check it again (article taken down, revision replaced or no longer approved, a cited
 * reference retracted, content changed since approval) and publish, or refuse and tell the editors
 * why (inbox and mail) and keep the reason on the revision. Idempotent: a second run finds it live
 * or already refused.
 */
export function runScheduledPublication(tx: Tx, revisionId: number, publishAt: string): ScheduledRun | null {
  const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!revision) return null;
  const article = tx.select().from(articles).where(eq(articles.id, revision.articleId)).get();
  if (!article) return null;
  const waiting = revision.publishAt === publishAt && !revision.publishBlockedAt && article.liveRevisionId !== revision.id;
  // Not approved yet when the time came: the approval publishes it (publicationOnApproval), nothing to do now.
  if (!waiting || revision.state !== "approved") return { slug: article.slug, articleId: article.id, outcome: "stale" };
  const check = checkPublishTime({
    lifecycle: article.lifecycle,
    revisionState: revision.state,
    alreadyLive: false,
    isWorking: article.workingRevisionId === revision.id,
    hashUnchanged: hashRevisionContent(tx, revision) === revision.contentHash,
    retractedTitles: retractedCitations(tx, revision),
  });
  const target = { articleId: article.id, revisionId: revision.id };
  if (check.ok) {
    makeLive(tx, { actor: null, article, revision, audit: { action: "revision.publish_scheduled", extra: { publishAt } } });
    notifyEach(tx, schedulingEditors(tx, revision), "published", `“${revision.question}” went live as scheduled.`, target, {
      eventKey: `published:${revision.id}:${publishAt}`,
    });
    return { slug: article.slug, articleId: article.id, outcome: "published" };
  }
  const now = nowIso();
  tx.update(revisions).set({ publishBlockedReason: check.reason, publishBlockedAt: now }).where(eq(revisions.id, revision.id)).run();
  notifyEach(
    tx,
    schedulingEditors(tx, revision),
    "publish_failed",
    `“${revision.question}” was not published at its scheduled time: ${check.reason}`,
    target,
    { eventKey: `publish_failed:${revision.id}:${publishAt}` },
  );
  appendAuditEvent(tx, {
    actor: null,
    action: "revision.publish_refused",
    targetType: "revision",
    targetId: revision.id,
    articleId: article.id,
    summary: { publishAt, reason: check.reason },
  });
  return { slug: article.slug, articleId: article.id, outcome: "refused" };
}

/**
 * The lifecycle.unpublish job's work: the revision is still live with exactly this expiry, so
 * the article is withdrawn with an expiry notice. Idempotent.
 */
export function runScheduledExpiry(tx: Tx, revisionId: number, unpublishAt: string): ScheduledRun | null {
  const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!revision) return null;
  const article = tx
    .select()
    .from(articles)
    .where(and(eq(articles.id, revision.articleId), eq(articles.liveRevisionId, revision.id)))
    .get();
  if (!article || revision.unpublishAt !== unpublishAt || article.lifecycle !== "active") {
    return article ? { slug: article.slug, articleId: article.id, outcome: "stale" } : null;
  }
  const now = nowIso();
  const reason = "This article reached the end of its planned publication period.";
  tx.update(articles)
    .set({ lifecycle: "withdrawn", withdrawnAt: now, withdrawnById: null, withdrawnReason: reason, updatedAt: now })
    .where(eq(articles.id, article.id))
    .run();
  syncArticleSearch(tx, article.id);
  notifyEach(
    tx,
    schedulingEditors(tx, revision),
    "article_withdrawn",
    `“${revision.question}” expired and was taken off the site.`,
    { articleId: article.id, revisionId: revision.id },
    { eventKey: `expired:${revision.id}:${unpublishAt}` },
  );
  appendAuditEvent(tx, {
    actor: null,
    action: "article.expire",
    targetType: "article",
    targetId: article.id,
    articleId: article.id,
    summary: { before: { lifecycle: "active" }, after: { lifecycle: "withdrawn" }, unpublishAt, reason },
  });
  return { slug: article.slug, articleId: article.id, outcome: "expired" };
}
