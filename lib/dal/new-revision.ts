import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, revisions, type RevisionState } from "@/db/schema";
import { prepareCitations, type RevisionContent } from "@/lib/dal/revision-content";

/** The highest revision number of an article, for numbering the next one. */
export function lastRevisionNumber(tx: Tx, articleId: number): number {
  return (
    tx
      .select({ n: sql<number>`max(${revisions.number})` })
      .from(revisions)
      .where(eq(revisions.articleId, articleId))
      .get()?.n ?? 0
  );
}

export type NewRevisionInput = {
  articleId: number;
  /** The revision this one continues (the approved, live one). */
  basedOnRevisionId: number;
  content: RevisionContent;
  state: RevisionState;
  authorId: number;
  now: string;
  submittedAt?: string | null;
  /** A revision of a live article is a major change until its submission says otherwise. */
  changeClass?: "major" | "minor";
};

export type NewRevision = { id: number; number: number; version: number; contentHash: string };

/**
 * Inserts the next revision of an article with the given content, links its citations and makes
 * it the article's working revision, inside the caller's transaction. Editing an approved
 * revision (revision-editing.ts) and starting a re-review (workflow.ts) both go through here;
 * each writes its own audit event and decides whether the search index needs a sync.
 */
export function insertWorkingRevision(tx: Tx, input: NewRevisionInput): NewRevision {
  const { articleId, content, now } = input;
  const number = lastRevisionNumber(tx, articleId) + 1;
  const citations = prepareCitations(tx, content);
  const created = tx
    .insert(revisions)
    .values({
      articleId,
      number,
      ...content,
      state: input.state,
      contentHash: citations.contentHash,
      authorId: input.authorId,
      basedOnRevisionId: input.basedOnRevisionId,
      submittedAt: input.submittedAt ?? null,
      changeClass: input.changeClass ?? "major",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: revisions.id, version: revisions.version })
    .get();
  citations.linkTo(created.id);
  tx.update(articles).set({ workingRevisionId: created.id, updatedAt: now }).where(eq(articles.id, articleId)).run();
  return { id: created.id, number, version: created.version, contentHash: citations.contentHash };
}
