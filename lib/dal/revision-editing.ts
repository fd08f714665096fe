import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { articles, revisions, type RevisionState } from "@/db/schema";
import { shortHash } from "@/lib/content-hash";
import { isSlugLocked, toEditableRevision, type EditableRevision } from "@/lib/dal/article-authoring";
import { appendAuditEvent } from "@/lib/dal/audit";
import { insertWorkingRevision } from "@/lib/dal/new-revision";
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

type ArticleRow = typeof articles.$inferSelect;
type RevisionRow = typeof revisions.$inferSelect;
/** What a save reports about the revision it wrote; the time and the slug are added once by the caller. */
type SavedContent = Omit<SavedRevision, "savedAt" | "slug">;

const unchanged = (working: RevisionRow): SavedContent => ({
  revisionId: working.id,
  revisionNumber: working.number,
  version: working.version,
  state: working.state,
  contentHash: working.contentHash,
  startedNewRevision: false,
  reviewersMustSignAgain: false,
});

const sameContent = (a: RevisionContent, b: RevisionContent) =>
  a.question === b.question && a.clinicianBody === b.clinicianBody && a.patientBody === b.patientBody && a.disclosure === b.disclosure;

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
    const contentChanged = !sameContent(content, working);

    const now = new Date().toISOString();

    if (!contentChanged && !slugChanged && !topicChanged) {
      // Nothing to write (e.g. typed and undone): confirm without touching the version or the audit log.
      return { kind: "saved", readerVisibleChange: false, saved: { ...unchanged(working), savedAt: now, slug: article.slug } };
    }

    const written = contentChanged ? writeContent(tx, actor, article, working, content, now) : unchanged(working);
    const saved: SavedRevision = { ...written, savedAt: now, slug: input.slug };

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

/**
 * Writes changed text by the editing rule for the revision's state: in place (a new version)
 * while it is being written or reviewed; into a new draft revision once it is approved, since
 * readers keep seeing the approved one until the new revision is approved in its turn.
 */
function writeContent(
  tx: Tx,
  actor: CurrentUser,
  article: ArticleRow,
  working: RevisionRow,
  content: RevisionContent,
  now: string,
): SavedContent {
  const effect = editAfterSubmissionEffect(working.state);
  if (effect.kind === "in_place") {
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
    const reviewersToSignAgain = mustSignAgain ? notifyReviewersToSignAgain(tx, working.id, working.contentHash, actor.id) : 0;
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
    return { ...unchanged(working), version: updated.version, contentHash: hash, reviewersMustSignAgain: mustSignAgain };
  }

  const created = insertWorkingRevision(tx, {
    articleId: article.id,
    basedOnRevisionId: working.id,
    content,
    state: effect.newState,
    authorId: actor.id,
    now,
  });
  appendAuditEvent(tx, {
    actor,
    action: "revision.create",
    targetType: "revision",
    targetId: created.id,
    articleId: article.id,
    summary: {
      basedOn: { revisionId: working.id, number: working.number },
      after: { number: created.number, state: effect.newState, contentHash: shortHash(created.contentHash) },
    },
  });
  return {
    revisionId: created.id,
    revisionNumber: created.number,
    version: created.version,
    state: effect.newState,
    contentHash: created.contentHash,
    startedNewRevision: true,
    reviewersMustSignAgain: false,
  };
}
