import "server-only";
import { unstable_cache } from "next/cache";
import { getReaderArticle, listVisibleArticles } from "@/lib/dal/reader";
import type { ReaderAudience } from "@/lib/reader/audience";
import { READER_TAGS, readerArticleTag } from "@/lib/reader/cache-tags";

/**
 * Reader data for route handlers (API, feed, sitemap), kept in Next's data cache until
 * lib/reader-cache.ts revalidates it, so repeated requests do no database work.
 */
export const cachedVisibleArticles = unstable_cache(() => Promise.resolve(listVisibleArticles()), ["reader-visible-articles"], {
  tags: [READER_TAGS.all, READER_TAGS.lists],
});

export function cachedReaderArticle(slug: string, audience: ReaderAudience) {
  return unstable_cache(() => Promise.resolve(getReaderArticle(slug, audience)), ["reader-article", slug, audience], {
    tags: [READER_TAGS.all, readerArticleTag(slug)],
  })();
}
