import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, followUpQuestions, revisions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { activeEditorIds, notifyEach } from "@/lib/dal/notifications";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { visibleArticleId } from "@/lib/dal/reader";
import type { CurrentUser } from "@/lib/dal/session";
import { takeSlot } from "@/lib/dal/rate-limit";
import { QUESTION_WINDOW_MS } from "@/lib/reader/question-limit";
import { topicSlug } from "@/lib/reader/site-url";

export type AskResult = "stored" | "rate_limited" | "not_found";

/**
 * Stores a reader's question about a visible article, counting it against the sender's address in
 * the same transaction (so parallel posts cannot slip past the limit).
 */
export function askFollowUpQuestion(input: {
  slug: string;
  question: string;
  email: string | null;
  audience: "clinician" | "patient" | null;
  ip: string;
  limit: number;
  now?: Date;
}): AskResult {
  const articleId = visibleArticleId(input.slug);
  if (!articleId) return "not_found";
  const now = input.now ?? new Date();
  const key = `question-ip:${input.ip}`;
  return writeTransaction((tx) => {
    if (!takeSlot(tx, key, now, input.limit, QUESTION_WINDOW_MS)) return "rate_limited";
    const row = tx
      .insert(followUpQuestions)
      .values({ articleId, question: input.question, email: input.email, audience: input.audience })
      .returning({ id: followUpQuestions.id })
      .get();
    const articleQuestion =
      tx
        .select({ q: revisions.question })
        .from(articles)
        .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
        .where(eq(articles.id, articleId))
        .get()?.q ?? input.slug;
    notifyEach(
      tx,
      activeEditorIds(tx),
      "question",
      `A reader asked a follow-up question about “${articleQuestion}”.`,
      { articleId },
      { eventKey: `question:${row.id}` },
    );
    appendAuditEvent(tx, {
      actor: null,
      action: "question.asked",
      targetType: "follow_up_question",
      targetId: row.id,
      articleId,
      summary: { after: { audience: input.audience, withEmail: !!input.email, length: input.question.length } },
    });
    return "stored";
  });
}

export type InboxQuestion = {
  id: number;
  question: string;
  email: string | null;
  audience: "clinician" | "patient" | null;
  createdAt: string;
  articleSlug: string;
  articleId: number;
  articleQuestion: string;
};

/** New questions, oldest first (they have waited longest), for editors. */
export function listNewQuestions(): InboxQuestion[] {
  return getDb()
    .select({
      id: followUpQuestions.id,
      question: followUpQuestions.question,
      email: followUpQuestions.email,
      audience: followUpQuestions.audience,
      createdAt: followUpQuestions.createdAt,
      articleSlug: articles.slug,
      articleId: articles.id,
      articleQuestion: sql<string>`coalesce((SELECT question FROM revisions WHERE id = ${articles.workingRevisionId}), ${articles.slug})`,
    })
    .from(followUpQuestions)
    .innerJoin(articles, eq(articles.id, followUpQuestions.articleId))
    .where(eq(followUpQuestions.status, "new"))
    .orderBy(followUpQuestions.createdAt, followUpQuestions.id)
    .all();
}

export type TriagedQuestion = {
  id: number;
  question: string;
  status: "dismissed" | "converted";
  triagedAt: string | null;
  convertedArticleId: number | null;
};

export function listRecentlyTriaged(limit = 10): TriagedQuestion[] {
  return getDb()
    .select({
      id: followUpQuestions.id,
      question: followUpQuestions.question,
      status: followUpQuestions.status,
      triagedAt: followUpQuestions.triagedAt,
      convertedArticleId: followUpQuestions.convertedArticleId,
    })
    .from(followUpQuestions)
    .where(sql`${followUpQuestions.status} <> 'new'`)
    .orderBy(desc(followUpQuestions.triagedAt), desc(followUpQuestions.id))
    .limit(limit)
    .all() as TriagedQuestion[];
}

export type TriageOutcome = { ok: true; articleId?: number } | { ok: false; reason: "not_found" | "already_triaged" };

function openQuestion(tx: Tx, id: number) {
  return tx.select().from(followUpQuestions).where(eq(followUpQuestions.id, id)).get();
}

export function dismissQuestion(actor: CurrentUser, id: number): TriageOutcome {
  return writeTransaction((tx): TriageOutcome => {
    const q = openQuestion(tx, id);
    if (!q) return { ok: false, reason: "not_found" };
    if (q.status !== "new") return { ok: false, reason: "already_triaged" };
    const at = new Date().toISOString();
    tx.update(followUpQuestions)
      .set({ status: "dismissed", triagedById: actor.id, triagedAt: at })
      .where(and(eq(followUpQuestions.id, id), eq(followUpQuestions.status, "new")))
      .run();
    appendAuditEvent(tx, {
      actor,
      action: "question.dismissed",
      targetType: "follow_up_question",
      targetId: id,
      articleId: q.articleId,
      summary: { before: { status: "new" }, after: { status: "dismissed" } },
    });
    return { ok: true };
  });
}

/** A slug from the question, unique among articles (a counter is added when taken). */
function uniqueSlug(tx: Tx, question: string): string {
  const base = topicSlug(question).slice(0, 80).replace(/-+$/, "") || "question";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()) return slug;
  }
}

/** Turns a question into a new draft article whose question (title) is the reader's question. */
export function convertQuestionToDraft(actor: CurrentUser, id: number): TriageOutcome {
  return writeTransaction((tx): TriageOutcome => {
    const q = openQuestion(tx, id);
    if (!q) return { ok: false, reason: "not_found" };
    if (q.status !== "new") return { ok: false, reason: "already_triaged" };
    const source = tx.select({ topic: articles.topic }).from(articles).where(eq(articles.id, q.articleId)).get();
    const at = new Date().toISOString();
    const title = q.question.replace(/\s+/g, " ").trim();
    const content = { question: title, clinicianBody: "", patientBody: "", disclosure: "" };
    const article = tx
      .insert(articles)
      .values({ slug: uniqueSlug(tx, title), topic: source?.topic ?? "", createdById: actor.id, createdAt: at, updatedAt: at })
      .returning({ id: articles.id, slug: articles.slug })
      .get();
    const revision = tx
      .insert(revisions)
      .values({
        articleId: article.id,
        number: 1,
        ...content,
        state: "draft",
        contentHash: hashRevisionContent(tx, content),
        authorId: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: revisions.id })
      .get();
    tx.update(articles).set({ workingRevisionId: revision.id }).where(eq(articles.id, article.id)).run();
    tx.update(followUpQuestions)
      .set({ status: "converted", convertedArticleId: article.id, triagedById: actor.id, triagedAt: at })
      .where(and(eq(followUpQuestions.id, id), eq(followUpQuestions.status, "new")))
      .run();
    appendAuditEvent(tx, {
      actor,
      action: "question.converted",
      targetType: "follow_up_question",
      targetId: id,
      articleId: article.id,
      summary: { before: { status: "new" }, after: { status: "converted", articleId: article.id, slug: article.slug } },
    });
    appendAuditEvent(tx, {
      actor,
      action: "article.created",
      targetType: "article",
      targetId: article.id,
      articleId: article.id,
      summary: { after: { slug: article.slug, fromQuestion: id, state: "draft" } },
    });
    return { ok: true, articleId: article.id };
  });
}
