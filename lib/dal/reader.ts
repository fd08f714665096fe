import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, revisions } from "@/db/schema";
import { getSiteSettings } from "@/lib/dal/settings";
import { readerRevisionId } from "@/lib/visibility";

export type ReaderArticleSummary = { slug: string; topic: string; question: string; status: "submitted" | "under_review" | "approved"; updatedAt: string };

/** Articles anonymous readers may see under the current publish policy, newest first. */
export function listVisibleArticles(limit = 50): ReaderArticleSummary[] {
  const policy = getSiteSettings().publishPolicy;
  const rows = getDb()
    .select({ article: articles, workingState: revisions.state })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .orderBy(desc(articles.updatedAt))
    .all();
  const out: ReaderArticleSummary[] = [];
  for (const row of rows) {
    const revisionId = readerRevisionId(row.article, row.workingState, policy);
    if (!revisionId) continue;
    const revision = getDb().select({ question: revisions.question, state: revisions.state, updatedAt: revisions.updatedAt }).from(revisions).where(eq(revisions.id, revisionId)).get();
    if (!revision || revision.state === "draft" || revision.state === "changes_requested") continue;
    out.push({ slug: row.article.slug, topic: row.article.topic, question: revision.question, status: revision.state, updatedAt: revision.updatedAt });
    if (out.length >= limit) break;
  }
  return out;
}
