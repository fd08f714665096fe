import "server-only";
import { revalidatePath } from "next/cache";

/**
 * Reader pages are served static and revalidated on demand. Call these after any write that
 * changes what readers may see: a live revision, a review status, an article's visibility,
 * a cited reference, the board, or a site setting.
 */
export function revalidateReaderArticle(slug: string): void {
  revalidatePath(`/articles/${slug}`);
  revalidateReaderLists();
}

/** Lists and indexes: home, topics, search, feed, sitemap, board. */
export function revalidateReaderLists(): void {
  revalidatePath("/", "layout");
}

/** Everything readers see (settings such as disclaimers or publish policy changed). */
export function revalidateAllReaderPages(): void {
  revalidatePath("/", "layout");
}
