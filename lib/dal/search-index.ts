import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, revisions } from "@/db/schema";
import { markdownToPlainText } from "@/lib/markdown";
import { readerRevisionId } from "@/lib/visibility";

/**
 * Keeps the FTS row of one article in step with what readers could see under the most
 * permissive policy (`on-submit`); queries narrow it further by the current policy.
 */
export function syncArticleSearch(tx: Tx, articleId: number): void {
  tx.run(sql`DELETE FROM article_search WHERE rowid = ${articleId}`);
  const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return;
  const working = article.workingRevisionId
    ? tx.select({ state: revisions.state }).from(revisions).where(eq(revisions.id, article.workingRevisionId)).get()
    : undefined;
  const revisionId = readerRevisionId(article, working?.state ?? null, "on-submit");
  if (!revisionId) return;
  const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!revision) return;
  tx.run(sql`INSERT INTO article_search (rowid, question, clinician_text, patient_text, topic)
    VALUES (${articleId}, ${revision.question}, ${markdownToPlainText(revision.clinicianBody)}, ${markdownToPlainText(revision.patientBody)}, ${article.topic})`);
}
