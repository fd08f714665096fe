import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, revisions, users, type RevisionState } from "@/db/schema";

export type HistoryEntry = {
  id: number;
  number: number;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  state: RevisionState;
  contentHash: string;
  version: number;
  isLive: boolean;
  isWorking: boolean;
};

export type RevisionText = { id: number; number: number; question: string; clinicianBody: string; patientBody: string; disclosure: string };

export type ArticleHistory = { articleId: number; slug: string; question: string; entries: HistoryEntry[] };

/** Every revision of an article, newest first. */
export function articleHistory(articleId: number): ArticleHistory | null {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return null;
  const rows = db
    .select({
      id: revisions.id,
      number: revisions.number,
      authorName: users.name,
      createdAt: revisions.createdAt,
      updatedAt: revisions.updatedAt,
      state: revisions.state,
      contentHash: revisions.contentHash,
      version: revisions.version,
      question: revisions.question,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
    .all();
  const working = rows.find((r) => r.id === article.workingRevisionId);
  return {
    articleId: article.id,
    slug: article.slug,
    question: working?.question ?? rows[0]?.question ?? "",
    entries: rows.map(({ question: _question, ...r }) => ({
      ...r,
      isLive: r.id === article.liveRevisionId,
      isWorking: r.id === article.workingRevisionId,
    })),
  };
}

/** One revision's text, only if it belongs to the article (ids in the URL are not trusted). */
export function revisionText(articleId: number, revisionId: number): RevisionText | null {
  return (
    getDb()
      .select({
        id: revisions.id,
        number: revisions.number,
        question: revisions.question,
        clinicianBody: revisions.clinicianBody,
        patientBody: revisions.patientBody,
        disclosure: revisions.disclosure,
      })
      .from(revisions)
      .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
      .get() ?? null
  );
}
