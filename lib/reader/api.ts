import type { ReaderArticle, ReaderArticleSummary } from "./types";

/** The public read API's JSON shapes (documented in the issue; keep them stable). */

export type ApiArticleListItem = Pick<ReaderArticleSummary, "slug" | "question" | "status" | "lastUpdated" | "lastReviewed">;

export function apiArticleList(items: readonly ReaderArticleSummary[]): { articles: ApiArticleListItem[] } {
  return {
    articles: items.map((a) => ({
      slug: a.slug,
      question: a.question,
      status: a.status,
      lastUpdated: a.lastUpdated,
      lastReviewed: a.lastReviewed,
    })),
  };
}

export function apiArticle(article: ReaderArticle) {
  return {
    slug: article.slug,
    question: article.question,
    audience: article.audience,
    status: article.status,
    html: article.html,
    references: article.references.map((r) => ({
      number: r.number,
      citekey: r.citekey,
      type: r.type,
      title: r.title,
      authors: r.authors,
      source: r.source,
      year: r.year,
      doi: r.doi,
      pmid: r.pmid,
      formatted: r.formatted,
    })),
    lastUpdated: article.lastUpdated,
    lastReviewed: article.lastReviewed,
    reviewedBy: article.reviewedBy.map((r) => ({ name: r.name, credentials: r.credentials })),
    disclaimer: article.disclaimer,
  };
}
