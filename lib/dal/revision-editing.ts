import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db";
import { articles, revisions, type RevisionState } from "@/db/schema";
import { shortHash } from "@/lib/content-hash";
import { isSlugLocked, lastRevisionNumber, toEditableRevision, type EditableRevision } from "@/lib/dal/article-authoring";
import { appendAuditEvent } from "@/lib/dal/audit";
import { hashAndSyncCitations, type RevisionContent } from "@/lib/dal/revision-content";
import { syncArticleSearch } from "@/lib/dal/search-index";
import { notifyReviewersToSignAgain } from "@/lib/dal/sign-offs";
import type { CurrentUser } from "@/lib/dal/session";
import { checkTransition, editAfterSubmissionEffect } from "@/lib/workflow";
import type { SaveRevisionInput } from "@/lib/validations/revision";

/** The server's side of a conflict: what it holds now, for the writer to compare with their text. */
export type ServerCopy = { slug: string; topic: string; revision: EditableRevision };

export type SavedRevision = {
  revisionId: number;
  revisionNumber: number;
  version: number;
  state: RevisionState;
  contentHash: string;
  savedAt: string;
  slug: string;
  /** An approved revision was edited: the text went into this new draft, the approved one stays live. */
  startedNewRevision: boolean;
  /** The revision was in review: approvals given before this edit no longer count. */
  reviewersMustSignAgain: boolean;
};

export type SaveOutcome =
  | { kind: "saved"; saved: SavedRevision; readerVisibleChange: boolean }
  | { kind: "conflict"; server: ServerCopy }
  | { kind: "not_found" }
  | { kind: "forbidden"; reason: string }
  | { kind: "invalid"; fieldErrors: Record<string, string[]> };

const READER_VISIBLE_WORKING: RevisionState[] = ["submitted", "under_review"];

/**
 * Saves the editor's fields onto an article's working revision, in one immediate transaction: the
 * version check, the editing rule for the revision's state and the write cannot be overtaken by
 * another save. A save made from any version other than the current one is refused as a conflict.
 */
export function saveRevision(actor: CurrentUser, input: SaveRevisionInput): SaveOutcome {
  return writeTransaction((tx): SaveOutcome => {
    const article = tx.select().from(articles).where(eq(articles.id, input.articleId)).get();
    if (!article?.workingRevisionId) return { kind: "not_found" };
    const working = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
    if (!working) return { kind: "not_found" };

    const check = checkTransition({
      action: "edit",
      state: working.state,
      actor,
      revision: { authorId: working.authorId },
      assignments: [],
    });
    if (!check.ok) return { kind: "forbidden", reason: check.reason };

    if (working.id !== input.revisionId || working.version !== input.version) {
      return { kind: "conflict", server: { slug: article.slug, topic: article.topic, revision: toEditableRevision(working) } };
    }

    const slugChanged = input.slug !== article.slug;
    if (slugChanged) {
      if (isSlugLocked(article))
        return { kind: "invalid", fieldErrors: { slug: ["A published article's slug can't change: readers and links use it"] } };
      const owner = tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, input.slug)).get();
      if (owner) return { kind: "invalid", fieldErrors: { slug: ["Another article already uses this slug"] } };
    }
    const topicChanged = input.topic !== article.topic;

    const content: RevisionContent = {
      question: input.question,
      clinicianBody: input.clinicianBody,
      patientBody: input.patientBody,
      disclosure: input.disclosure,
    };
    const contentChanged =
      content.question !== working.question ||
      content.clinicianBody !== working.clinicianBody ||
      content.patientBody !== working.patientBody ||
      content.disclosure !== working.disclosure;

    const now = new Date().toISOString();

    if (!contentChanged && !slugChanged && !topicChanged) {
      // Nothing to write (e.g. typed and undone): confirm without touching the version or the audit log.
      return {
        kind: "saved",
        readerVisibleChange: false,
        saved: {
          revisionId: working.id,
          revisionNumber: working.number,
          version: working.version,
          state: working.state,
          contentHash: working.contentHash,
          savedAt: now,
          slug: article.slug,
          startedNewRevision: false,
          reviewersMustSignAgain: false,
        },
      };
    }

    const effect = editAfterSubmissionEffect(working.state);
    let saved: SavedRevision;
    if (!contentChanged) {
      saved = {
        revisionId: working.id,
        revisionNumber: working.number,
        version: working.version,
        state: working.state,
        contentHash: working.contentHash,
        savedAt: now,
        slug: input.slug,
        startedNewRevision: false,
        reviewersMustSignAgain: false,
      };
    } else if (effect.kind === "in_place") {
      const hash = hashAndSyncCitations(tx, working.id, content);
      const updated = tx
        .update(revisions)
        .set({ ...content, contentHash: hash, version: working.version + 1, updatedAt: now })
        .where(and(eq(revisions.id, working.id), eq(revisions.version, working.version)))
        .returning({ version: revisions.version })
        .get();
      // Unreachable inside this immediate transaction; kept so a lost race can never overwrite.
      if (!updated) throw new Error(`revision ${working.id} changed during its own save`);
      const mustSignAgain = effect.reviewersMustSignAgain && hash !== working.contentHash;
      const reviewersToSignAgain = mustSignAgain ? notifyReviewersToSignAgain(tx, working.id, working.contentHash) : 0;
      appendAuditEvent(tx, {
        actor,
        action: "revision.edit",
        targetType: "revision",
        targetId: working.id,
        articleId: article.id,
        summary: {
          state: working.state,
          before: { version: working.version, contentHash: shortHash(working.contentHash) },
          after: { version: updated.version, contentHash: shortHash(hash) },
          ...(mustSignAgain ? { approvalsNoLongerCount: true, reviewersToSignAgain } : {}),
        },
      });
      saved = {
        revisionId: working.id,
        revisionNumber: working.number,
        version: updated.version,
        state: working.state,
        contentHash: hash,
        savedAt: now,
        slug: input.slug,
        startedNewRevision: false,
        reviewersMustSignAgain: mustSignAgain,
      };
    } else {
      // Approved and live: readers keep seeing it until the new revision is approved in its turn.
      const number = lastRevisionNumber(tx, article.id) + 1;
      const created = tx
        .insert(revisions)
        .values({
          articleId: article.id,
          number,
          ...content,
          state: effect.newState,
          // Replaced below, once the citation rows (which need the new id) are written.
          contentHash: working.contentHash,
          authorId: actor.id,
          basedOnRevisionId: working.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: revisions.id, version: revisions.version })
        .get();
      const hash = hashAndSyncCitations(tx, created.id, content);
      tx.update(revisions).set({ contentHash: hash }).where(eq(revisions.id, created.id)).run();
      tx.update(articles).set({ workingRevisionId: created.id }).where(eq(articles.id, article.id)).run();
      appendAuditEvent(tx, {
        actor,
        action: "revision.create",
        targetType: "revision",
        targetId: created.id,
        articleId: article.id,
        summary: {
          basedOn: { revisionId: working.id, number: working.number },
          after: { number, state: effect.newState, contentHash: shortHash(hash) },
        },
      });
      saved = {
        revisionId: created.id,
        revisionNumber: number,
        version: created.version,
        state: effect.newState,
        contentHash: hash,
        savedAt: now,
        slug: input.slug,
        startedNewRevision: true,
        reviewersMustSignAgain: false,
      };
    }

    tx.update(articles).set({ slug: input.slug, topic: input.topic, updatedAt: now }).where(eq(articles.id, article.id)).run();
    if (slugChanged || topicChanged) {
      appendAuditEvent(tx, {
        actor,
        action: "article.update",
        targetType: "article",
        targetId: article.id,
        articleId: article.id,
        summary: { before: { slug: article.slug, topic: article.topic }, after: { slug: input.slug, topic: input.topic } },
      });
    }

    const readerVisibleChange =
      (contentChanged && READER_VISIBLE_WORKING.includes(working.state)) ||
      ((slugChanged || topicChanged) && article.liveRevisionId !== null);
    if (readerVisibleChange || topicChanged) syncArticleSearch(tx, article.id);
    return { kind: "saved", saved, readerVisibleChange };
  });
}
