import type { RevisionState } from "@/db/schema";
import type { ArticleLifecycle } from "@/lib/domain";

export type PublishPolicy = "on-submit" | "approved-only";

/** States of a never-approved working revision that readers may see under `on-submit`. */
const PENDING_VISIBLE: RevisionState[] = ["submitted", "under_review"];

/**
 * Which revision anonymous readers see: the live (approved) one whenever there is one;
 * otherwise, under `on-submit`, a working revision that has been submitted and is in review.
 * Drafts and changes-requested revisions are never visible, nor is anything of a withdrawn or
 * archived article (its URL answers 410 or 301: lib/workflow/lifecycle.ts). An approved working
 * revision that is not live yet (scheduled) is not visible either: only the live pointer is.
 */
export function readerRevisionId(
  article: { liveRevisionId: number | null; workingRevisionId: number | null; lifecycle: ArticleLifecycle },
  workingState: RevisionState | null,
  policy: PublishPolicy,
): number | null {
  if (article.lifecycle !== "active") return null;
  if (article.liveRevisionId) return article.liveRevisionId;
  if (policy === "on-submit" && workingState && PENDING_VISIBLE.includes(workingState)) return article.workingRevisionId;
  return null;
}
