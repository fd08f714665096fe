import type { RevisionState } from "@/db/schema";

export type PublishPolicy = "on-submit" | "approved-only";

/** States of a never-approved working revision that readers may see under `on-submit`. */
const PENDING_VISIBLE: RevisionState[] = ["submitted", "under_review"];

/**
 * Which revision anonymous readers see: the live (approved) one whenever there is one;
 * otherwise, under `on-submit`, a working revision that has been submitted and is in review.
 * Drafts and changes-requested revisions are never visible.
 */
export function readerRevisionId(
  article: { liveRevisionId: number | null; workingRevisionId: number | null },
  workingState: RevisionState | null,
  policy: PublishPolicy,
): number | null {
  if (article.liveRevisionId) return article.liveRevisionId;
  if (policy === "on-submit" && workingState && PENDING_VISIBLE.includes(workingState)) return article.workingRevisionId;
  return null;
}
