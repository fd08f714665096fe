import "server-only";
import { revalidatePath } from "next/cache";
import { revalidateReaderArticle, revalidateReaderLists } from "@/lib/reader-cache";

/**
 * After a workflow transition readers may see something else (on-submit policy, a new live
 * revision) and the article's staff pages and every dashboard queue have moved: refresh them.
 */
export function refreshAfterTransition(outcome: { slug: string; articleId: number }): void {
  revalidateReaderArticle(outcome.slug);
  revalidateReaderLists();
  revalidatePath(`/editor/articles/${outcome.articleId}`, "layout");
  revalidatePath("/dashboard");
}
