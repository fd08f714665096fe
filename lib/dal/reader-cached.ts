import "server-only";
import { unstable_cache } from "next/cache";
import { getReaderArticle } from "@/lib/dal/reader";
import {
  apiArticlePage,
  latestVisibleArticles,
  listTopics,
  sitemapArticles,
  sitemapChunks,
  visibleArticleStats,
  type ApiListQuery,
} from "@/lib/dal/reader-lists";
import type { ReaderAudience } from "@/lib/reader/audience";
import { READER_TAGS, readerArticleTag } from "@/lib/reader/cache-tags";

/**
 * Reader data for route handlers (API, feed, sitemap), kept in Next's data cache until
 * lib/reader-cache.ts revalidates it, so repeated requests do no database work. Each list is
 * cached a page or a sitemap file at a time, keyed by its arguments.
 */
const LIST_TAGS = { tags: [READER_TAGS.all, READER_TAGS.lists] };

export const cachedLatestArticles = unstable_cache(
  (limit: number) => Promise.resolve(latestVisibleArticles(limit)),
  ["reader-latest"],
  LIST_TAGS,
);

export const cachedTopics = unstable_cache(() => Promise.resolve(listTopics()), ["reader-topics"], LIST_TAGS);

export const cachedApiPage = unstable_cache((q: ApiListQuery) => Promise.resolve(apiArticlePage(q)), ["reader-api-page"], LIST_TAGS);

export const cachedArticleStats = unstable_cache(() => Promise.resolve(visibleArticleStats()), ["reader-article-stats"], LIST_TAGS);

export const cachedSitemapChunks = unstable_cache(
  (size: number) => Promise.resolve(sitemapChunks(size)),
  ["reader-sitemap-chunks"],
  LIST_TAGS,
);

export const cachedSitemapArticles = unstable_cache(
  (chunk: number, size: number) => Promise.resolve(sitemapArticles(chunk, size)),
  ["reader-sitemap-articles"],
  LIST_TAGS,
);

export function cachedReaderArticle(slug: string, audience: ReaderAudience) {
  return unstable_cache(() => Promise.resolve(getReaderArticle(slug, audience)), ["reader-article", slug, audience], {
    tags: [READER_TAGS.all, readerArticleTag(slug)],
  })();
}
