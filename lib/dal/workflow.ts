import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { articles, reviewAssignments, revisions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorAndAssigningEditors, notify, notifyEach } from "@/lib/dal/notifications";
import { insertWorkingRevision } from "@/lib/dal/new-revision";
import { syncArticleSearch } from "@/lib/dal/search-index";
import type { CurrentUser } from "@/lib/dal/session";
import {
  activePanel,
  checklistFor,
  loadRevision,
  nowIso,
  requireEligibleReviewer,
  requireTransition,
  WorkflowError,
  type RevisionRow,
} from "@/lib/dal/workflow-context";
import { classForSubmission, type ClassClaim } from "@/lib/dal/change-class";
import { endOfDayUtc } from "@/lib/validations/workflow";

/**
 * The editorial transitions: submit, withdraw, assign and change reviewers, start a re-review.
 * Each is one BEGIN IMMEDIATE transaction holding the state-machine check, the write, the audit
 * event and the notifications, so a refused request changes nothing.
 */

/** What a caller needs after a write: where to send the user and which reader page to refresh. */
export type TransitionOutcome = { articleId: number; slug: string; state: RevisionRow["state"] };

function setState(tx: Tx, revision: RevisionRow, state: RevisionRow["state"], extra: Partial<RevisionRow> = {}) {
  const now = nowIso();
  tx.update(revisions)
    .set({ state, updatedAt: now, ...extra })
    .where(eq(revisions.id, revision.id))
    .run();
  tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, revision.articleId)).run();
  syncArticleSearch(tx, revision.articleId);
}

export function submitRevision(user: CurrentUser, revisionId: number, claim: ClassClaim = {}, changeSummary?: string): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, revisionId);
    const { revision, article } = loaded;
    const to = requireTransition(tx, user, loaded, { action: "submit" });
    const checklist = checklistFor(tx, revision);
    const blocking = checklist.checks.filter((c) => c.severity === "blocking" && !c.passed);
    if (blocking.length) {
      throw new WorkflowError("invalid", `Fix these before submitting: ${blocking.map((c) => c.detail).join(" ")}`);
    }
    const changeClass = classForSubmission(tx, article, revision, claim);
    setState(tx, revision, to, { submittedAt: nowIso(), ...changeClass, changeEscalatedById: null, changeEscalationReason: "" });
    // Not part of the content hash: it describes the change, it is not what reviewers vouch for.
    if (changeSummary !== undefined) tx.update(revisions).set({ changeSummary }).where(eq(revisions.id, revision.id)).run();
    appendAuditEvent(tx, {
      actor: user,
      action: "revision.submit",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: {
        before: { state: revision.state },
        after: { state: to },
        contentHash: revision.contentHash,
        changeClass: changeClass.changeClass,
        ...(changeClass.changeReason ? { changeReason: changeClass.changeReason } : {}),
      },
    });
    return { articleId: article.id, slug: article.slug, state: to };
  });
}

export function withdrawRevision(user: CurrentUser, revisionId: number): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, revisionId);
    const { revision, article } = loaded;
    const to = requireTransition(tx, user, loaded, { action: "withdraw" });
    setState(tx, revision, to);
    appendAuditEvent(tx, {
      actor: user,
      action: "revision.withdraw",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { before: { state: revision.state }, after: { state: to } },
    });
    return { articleId: article.id, slug: article.slug, state: to };
  });
}

/** Assigns (or re-activates) one reviewer on the revision with a due date. */
function upsertAssignment(tx: Tx, revisionId: number, reviewerId: number, assignedById: number, dueAt: string) {
  const existing = tx
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.revisionId, revisionId), eq(reviewAssignments.reviewerId, reviewerId)))
    .get();
  if (existing) {
    tx.update(reviewAssignments).set({ removedAt: null, dueAt, assignedById }).where(eq(reviewAssignments.id, existing.id)).run();
  } else {
    tx.insert(reviewAssignments).values({ revisionId, reviewerId, assignedById, dueAt }).run();
  }
}

/**
 * Sends a submitted revision to review: assigns the chosen reviewers (none needed when a panel is
 * already assigned, as after a resubmission) and moves it to under review.
 */
export function assignReviewers(
  user: CurrentUser,
  input: { revisionId: number; reviewerIds: number[]; dueDate?: string },
): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    const to = requireTransition(tx, user, loaded, { action: "assign_reviewers", reviewerIds: input.reviewerIds });
    const dueAt = input.dueDate ? endOfDayUtc(input.dueDate) : null;
    for (const reviewerId of input.reviewerIds) {
      requireEligibleReviewer(tx, reviewerId, revision);
      upsertAssignment(tx, revision.id, reviewerId, user.id, dueAt!);
    }
    setState(tx, revision, to);
    const panel = activePanel(tx, revision.id);
    const at = nowIso();
    for (const member of panel) {
      const isNew = input.reviewerIds.includes(member.reviewerId);
      const message = isNew
        ? `${user.name} asked you to review “${revision.question}”.`
        : `“${revision.question}” is back for your review after changes.`;
      notify(
        tx,
        member.reviewerId,
        "assigned",
        message,
        { articleId: article.id, revisionId: revision.id },
        { actorId: user.id, eventKey: `assigned:${revision.id}:${at}` },
      );
    }
    appendAuditEvent(tx, {
      actor: user,
      action: "review.assign",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: {
        before: { state: revision.state },
        after: { state: to },
        reviewerIds: panel.map((m) => m.reviewerId),
        added: input.reviewerIds,
        dueAt,
      },
    });
    return { articleId: article.id, slug: article.slug, state: to };
  });
}

export function addReviewer(user: CurrentUser, input: { revisionId: number; reviewerId: number; dueDate: string }): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    requireTransition(tx, user, loaded, { action: "add_reviewer", reviewerId: input.reviewerId });
    const reviewer = requireEligibleReviewer(tx, input.reviewerId, revision);
    const dueAt = endOfDayUtc(input.dueDate);
    upsertAssignment(tx, revision.id, reviewer.id, user.id, dueAt);
    notify(
      tx,
      reviewer.id,
      "assigned",
      `${user.name} asked you to review “${revision.question}”.`,
      { articleId: article.id, revisionId: revision.id },
      { actorId: user.id, eventKey: `assigned:${revision.id}:${nowIso()}` },
    );
    appendAuditEvent(tx, {
      actor: user,
      action: "review.add_reviewer",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { reviewerId: reviewer.id, reviewer: reviewer.name, dueAt },
    });
    return { articleId: article.id, slug: article.slug, state: revision.state };
  });
}

export function removeReviewer(user: CurrentUser, input: { revisionId: number; reviewerId: number }): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    requireTransition(tx, user, loaded, { action: "remove_reviewer", reviewerId: input.reviewerId });
    tx.update(reviewAssignments)
      .set({ removedAt: nowIso() })
      .where(and(eq(reviewAssignments.revisionId, revision.id), eq(reviewAssignments.reviewerId, input.reviewerId)))
      .run();
    notify(
      tx,
      input.reviewerId,
      "assignment_removed",
      `You are no longer a reviewer of “${revision.question}”.`,
      { articleId: article.id, revisionId: revision.id },
      { actorId: user.id, eventKey: `assignment_removed:${revision.id}:${nowIso()}` },
    );
    appendAuditEvent(tx, {
      actor: user,
      action: "review.remove_reviewer",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { reviewerId: input.reviewerId },
    });
    return { articleId: article.id, slug: article.slug, state: revision.state };
  });
}

/**
 * Starts a re-review of an approved article: a new working revision with the live content
 * (possibly unchanged), submitted when its checklist passes (a retracted source must be fixed
 * first, so then it starts as a draft). Readers keep the live revision until the new one is approved.
 */
/**
 * Escalates a claimed-minor change to major: the full quorum and approver mix then apply, and the
 * review clock restarts on approval. Whoever may comment on the revision may escalate it.
 */
export function escalateChangeClass(user: CurrentUser, input: { revisionId: number; reason: string }): TransitionOutcome {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    requireTransition(tx, user, loaded, { action: "escalate_class" });
    if (revision.changeClass !== "minor") {
      throw new WorkflowError("conflict", "This revision isn't classed minor, so there is nothing to escalate.");
    }
    tx.update(revisions)
      .set({ changeClass: "major", changeEscalatedById: user.id, changeEscalationReason: input.reason, updatedAt: nowIso() })
      .where(eq(revisions.id, revision.id))
      .run();
    notifyEach(
      tx,
      authorAndAssigningEditors(tx, revision),
      "review_comment",
      `${user.name} escalated “${revision.question}” to a major change: ${input.reason}`,
      { articleId: article.id, revisionId: revision.id },
      { actorId: user.id, eventKey: `class_escalated:${revision.id}:${nowIso()}` },
    );
    appendAuditEvent(tx, {
      actor: user,
      action: "revision.escalate_class",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { before: { changeClass: "minor" }, after: { changeClass: "major" }, reason: input.reason },
    });
    return { articleId: article.id, slug: article.slug, state: revision.state };
  });
}

export function startReReview(user: CurrentUser, articleId: number): TransitionOutcome {
  return writeTransaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article) throw new WorkflowError("not_found", "That article doesn't exist.");
    if (!article.liveRevisionId) throw new WorkflowError("illegal_transition", "Only an approved article can be re-reviewed.");
    if (article.workingRevisionId !== article.liveRevisionId) {
      throw new WorkflowError("conflict", "A newer revision of this article is already in progress; review that one.");
    }
    const live = tx.select().from(revisions).where(eq(revisions.id, article.liveRevisionId)).get()!;
    const content = {
      question: live.question,
      clinicianBody: live.clinicianBody,
      patientBody: live.patientBody,
      disclosure: live.disclosure,
    };
    const state = checklistFor(tx, content).canSubmit ? "submitted" : "draft";
    const now = nowIso();
    const { id, number } = insertWorkingRevision(tx, {
      // A re-review is a full review: it restarts the review clock.
      changeClass: "major",
      articleId: article.id,
      basedOnRevisionId: live.id,
      content,
      state,
      authorId: user.id,
      now,
      submittedAt: state === "submitted" ? now : null,
    });
    syncArticleSearch(tx, article.id);
    appendAuditEvent(tx, {
      actor: user,
      action: "revision.start_re_review",
      targetType: "revision",
      targetId: id,
      articleId: article.id,
      summary: {
        basedOnRevisionId: live.id,
        after: { state, number },
        reason: article.reReviewReason ?? (article.reviewDueAt && article.reviewDueAt < now ? "review due" : "requested"),
      },
    });
    return { articleId: article.id, slug: article.slug, state };
  });
}
