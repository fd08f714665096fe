import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { READER_TAGS, readerArticleTag } from "@/lib/reader/cache-tags";

/**
 * Reader pages are served static and revalidated on demand. Call these after any write that
 * changes what readers may see: a live revision, a review status, an article's visibility,
 * a cited reference, the board, or a site setting.
 *
 * next.config.js rewrites /articles/<slug> to /reader/<clinician|patient|default>/<slug> and the home,
 * board and policy pages to /static/<section>, so those internal routes are what gets revalidated
 * (Next revalidates rewrite destinations, not the addresses readers type). Route handlers (API,
 * feed, sitemap) read through unstable_cache with the tags below.
 */
const VARIANTS = ["clinician", "patient", "default"] as const;

// An immediate expiry: the next request renders fresh content instead of serving the stale copy once.
const NOW = { expire: 0 };

export function revalidateReaderArticle(slug: string): void {
  for (const variant of VARIANTS) {
    revalidatePath(`/reader/${variant}/${slug}`);
    revalidatePath(`/reader/${variant}/${slug}/history`);
  }
  revalidateTag(readerArticleTag(slug), NOW);
  revalidateReaderLists();
}

/** Lists and indexes: home, topics, search, feed, sitemap, API list. */
export function revalidateReaderLists(): void {
  revalidatePath("/static/home");
  // A page's implicit cache tag names its route with the route group, so the group is part of the pattern
  // (without it the topic pages were never revalidated; tests/e2e/lifecycle.spec.ts checks a topic page).
  revalidatePath("/(site)/topics/[topic]", "page");
  revalidatePath("/(site)/topics/[topic]/page/[page]", "page");
  revalidateTag(READER_TAGS.lists, NOW);
}

/** Everything readers see (settings such as disclaimers or publish policy changed, the board changed). */
export function revalidateAllReaderPages(): void {
  revalidatePath("/", "layout");
  revalidateTag(READER_TAGS.all, NOW);
}
