import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, revisions, type RevisionState } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { hashRevisionContent, syncRevisionCitations, type RevisionContent } from "@/lib/dal/revision-content";
import { getSiteSettings } from "@/lib/dal/settings";
import type { CurrentUser } from "@/lib/dal/session";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { NewArticleInput } from "@/lib/validations/revision";

/** What the editor page needs about an article and the revision it edits. */
export type EditableArticle = {
  articleId: number;
  slug: string;
  /** A published article's address is public: its slug no longer changes. */
  slugLocked: boolean;
  topic: string;
  hasLiveRevision: boolean;
  readabilityTarget: number;
  revision: EditableRevision;
};

export type EditableRevision = {
  id: number;
  number: number;
  state: RevisionState;
  version: number;
  question: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
  contentHash: string;
  updatedAt: string;
};

const slugTaken = (tx: Tx) => (slug: string) => !!tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get();

export function isSlugLocked(article: { liveRevisionId: number | null; firstPublishedAt: string | null }): boolean {
  return article.liveRevisionId !== null || article.firstPublishedAt !== null;
}

export function toEditableRevision(row: typeof revisions.$inferSelect): EditableRevision {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    version: row.version,
    question: row.question,
    clinicianBody: row.clinicianBody,
    patientBody: row.patientBody,
    disclosure: row.disclosure,
    contentHash: row.contentHash,
    updatedAt: row.updatedAt,
  };
}

export function getEditableArticle(articleId: number): EditableArticle | null {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article?.workingRevisionId) return null;
  const revision = db.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
  if (!revision) return null;
  return {
    articleId: article.id,
    slug: article.slug,
    slugLocked: isSlugLocked(article),
    topic: article.topic,
    hasLiveRevision: article.liveRevisionId !== null,
    readabilityTarget: getSiteSettings().readabilityTarget,
    revision: toEditableRevision(revision),
  };
}

/** Inserts an article with its first (draft) revision; the caller's transaction audits the why. */
function insertArticle(tx: Tx, actor: CurrentUser, fields: { question: string; topic: string } & Partial<RevisionContent>): number {
  const slug = uniqueSlug(slugify(fields.question), slugTaken(tx));
  const article = tx.insert(articles).values({ slug, topic: fields.topic, createdById: actor.id }).returning({ id: articles.id }).get();
  const content: RevisionContent = {
    question: fields.question,
    clinicianBody: fields.clinicianBody ?? "",
    patientBody: fields.patientBody ?? "",
    disclosure: fields.disclosure ?? "",
  };
  const revision = tx
    .insert(revisions)
    .values({
      articleId: article.id,
      number: 1,
      ...content,
      state: "draft",
      contentHash: hashRevisionContent(tx, content),
      authorId: actor.id,
    })
    .returning({ id: revisions.id })
    .get();
  syncRevisionCitations(tx, revision.id, content);
  tx.update(articles).set({ workingRevisionId: revision.id }).where(eq(articles.id, article.id)).run();
  return article.id;
}

export function createArticle(actor: CurrentUser, input: NewArticleInput): number {
  return writeTransaction((tx) => {
    const articleId = insertArticle(tx, actor, input);
    const slug = tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId)).get()?.slug;
    appendAuditEvent(tx, {
      actor,
      action: "article.create",
      targetType: "article",
      targetId: articleId,
      articleId,
      summary: { after: { slug, topic: input.topic, question: input.question } },
    });
    return articleId;
  });
}

/** A new draft article with a copy of another article's working text (e.g. a variant question). */
export function duplicateArticle(actor: CurrentUser, sourceArticleId: number): number | null {
  return writeTransaction((tx) => {
    const source = tx
      .select({ topic: articles.topic, revision: revisions })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
      .where(eq(articles.id, sourceArticleId))
      .get();
    if (!source) return null;
    const question = `Copy of ${source.revision.question || "untitled article"}`.slice(0, 300);
    const articleId = insertArticle(tx, actor, {
      question,
      topic: source.topic,
      clinicianBody: source.revision.clinicianBody,
      patientBody: source.revision.patientBody,
      disclosure: source.revision.disclosure,
    });
    appendAuditEvent(tx, {
      actor,
      action: "article.duplicate",
      targetType: "article",
      targetId: articleId,
      articleId,
      summary: { from: { articleId: sourceArticleId, revisionId: source.revision.id }, after: { question } },
    });
    return articleId;
  });
}

/** Topics already in use, for the new-article form's suggestions. */
export function knownTopics(): string[] {
  return getDb()
    .selectDistinct({ topic: articles.topic })
    .from(articles)
    .orderBy(articles.topic)
    .all()
    .map((r) => r.topic)
    .filter(Boolean);
}
