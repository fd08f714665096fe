import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { articleIndexIds } from "@/lib/dal/article-index";
import type { CurrentUser } from "@/lib/dal/session";
import { assignReviewers, startReReview } from "@/lib/dal/workflow";
import { BULK_MAX } from "@/lib/validations/bulk-articles";
import { parseArticleIndexFilter } from "@/lib/validations/article-index";

/**
 * Bulk actions reuse the single-article DAL steps (their state checks, audit events and
 * notifications), one article at a time inside the action's one transaction: each article is a
 * savepoint, so an article the workflow refuses is rolled back alone and reported, and the rest go
 * ahead. The caller learns which succeeded and why each refusal happened.
 */
export type BulkOutcome = {
  done: { articleId: number; slug: string }[];
  refused: { articleId: number; question: string; reason: string }[];
};

/** The article ids a bulk action targets: the ticked ones, or every article of the view (in the caller's scope), as the confirmation counted. */
export function bulkTargets(user: CurrentUser, input: { ids?: number[]; view?: string; expected: number }): number[] {
  let ids: number[];
  if (input.ids) ids = [...new Set(input.ids)];
  else {
    const { filter } = parseArticleIndexFilter(Object.fromEntries(new URLSearchParams(input.view ?? "")));
    ids = articleIndexIds(user, { ...filter, cursor: undefined });
  }
  if (ids.length > BULK_MAX)
    throw new ActionError("invalid", `That is ${ids.length} articles; act on at most ${BULK_MAX} at a time (narrow the filters).`);
  if (ids.length !== input.expected)
    throw new ActionError(
      "conflict",
      `The view now holds ${ids.length} articles, not ${input.expected}. Reload the page and confirm again.`,
    );
  return ids;
}

function eachArticle(ids: number[], step: (articleId: number) => { articleId: number; slug: string }): BulkOutcome {
  const outcome: BulkOutcome = { done: [], refused: [] };
  const questions = new Map(
    getDb()
      .all<{ id: number; question: string }>(
        sql`SELECT a.id AS id, r.question AS question FROM articles a JOIN revisions r ON r.id = a.working_revision_id
          WHERE a.id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
      )
      .map((r) => [r.id, r.question]),
  );
  for (const articleId of ids) {
    try {
      const done = step(articleId);
      outcome.done.push({ articleId: done.articleId, slug: done.slug });
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      outcome.refused.push({ articleId, question: questions.get(articleId) ?? `Article ${articleId}`, reason: error.message });
    }
  }
  return outcome;
}

export function bulkStartReReview(user: CurrentUser, ids: number[]): BulkOutcome {
  return eachArticle(ids, (articleId) => startReReview(user, articleId));
}

export function bulkAssignReviewers(user: CurrentUser, ids: number[], input: { reviewerIds: number[]; dueDate: string }): BulkOutcome {
  const working = new Map(
    getDb()
      .select({ id: articles.id, working: articles.workingRevisionId })
      .from(articles)
      .where(inArray(articles.id, ids))
      .all()
      .map((r) => [r.id, r.working]),
  );
  return eachArticle(ids, (articleId) => {
    const revisionId = working.get(articleId);
    if (!revisionId) throw new ActionError("not_found", "That article has no working revision.");
    return assignReviewers(user, { revisionId, reviewerIds: input.reviewerIds, dueDate: input.dueDate });
  });
}
