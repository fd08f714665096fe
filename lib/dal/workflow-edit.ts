import "server-only";
import { eq, max } from "drizzle-orm";
import { writeTransaction } from "@/db";
import { articles, revisions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { hashRevisionContent, syncRevisionCitations, type RevisionContent } from "@/lib/dal/revision-content";
import { syncArticleSearch } from "@/lib/dal/search-index";
import type { CurrentUser } from "@/lib/dal/session";
import { notifyReviewersToSignAgain } from "@/lib/dal/sign-offs";
import { auditActor, loadRevision, nowIso, requireTransition, WorkflowError } from "@/lib/dal/workflow-context";
import { editAfterSubmissionEffect } from "@/lib/workflow";

/**
 * Saves new content into an article's working revision with the workflow's edit rules: the
 * hash is recomputed (so approvals on the old text stop counting and those reviewers are told),
 * and an approved revision is never changed in place: the edit starts a new draft revision.
 *
 * The authoring branch owns the editor page; this is the workflow's side of a save, used by the
 * end-to-end helper tests/helpers/workflow-edit.ts. Its effects (hash, citations, sign-again
 * notifications, audit) are what any save must do.
 */
export function saveWorkingRevisionContent(user: CurrentUser, articleId: number, changes: Partial<RevisionContent>): { revisionId: number; contentHash: string } {
  return writeTransaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article?.workingRevisionId) throw new WorkflowError("not_found", "That article doesn't exist.");
    const loaded = loadRevision(tx, article.workingRevisionId);
    const { revision } = loaded;
    requireTransition(tx, user, loaded, { action: "edit" });
    const content: RevisionContent = {
      question: changes.question ?? revision.question,
      clinicianBody: changes.clinicianBody ?? revision.clinicianBody,
      patientBody: changes.patientBody ?? revision.patientBody,
      disclosure: changes.disclosure ?? revision.disclosure,
    };
    const contentHash = hashRevisionContent(tx, content);
    const now = nowIso();
    const effect = editAfterSubmissionEffect(revision.state);
    let revisionId = revision.id;
    if (effect.kind === "new_revision") {
      const number = (tx.select({ n: max(revisions.number) }).from(revisions).where(eq(revisions.articleId, articleId)).get()?.n ?? 0) + 1;
      revisionId = tx
        .insert(revisions)
        .values({ articleId, number, ...content, state: effect.newState, contentHash, authorId: user.id, basedOnRevisionId: revision.id, createdAt: now, updatedAt: now })
        .returning({ id: revisions.id })
        .get().id;
      tx.update(articles).set({ workingRevisionId: revisionId, updatedAt: now }).where(eq(articles.id, articleId)).run();
    } else {
      tx.update(revisions)
        .set({ ...content, contentHash, version: revision.version + 1, updatedAt: now })
        .where(eq(revisions.id, revision.id))
        .run();
      tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, articleId)).run();
    }
    syncRevisionCitations(tx, revisionId, content);
    syncArticleSearch(tx, articleId);
    const notified = effect.kind === "in_place" && effect.reviewersMustSignAgain ? notifyReviewersToSignAgain(tx, revisionId, revision.contentHash) : 0;
    appendAuditEvent(tx, {
      actor: auditActor(user),
      action: "revision.edit",
      targetType: "revision",
      targetId: revisionId,
      articleId,
      summary: {
        before: { contentHash: revision.contentHash, revisionId: revision.id },
        after: { contentHash, revisionId },
        fields: Object.keys(changes),
        reviewersToSignAgain: notified,
      },
    });
    return { revisionId, contentHash };
  });
}
