"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { bulkAssignReviewers, bulkStartReReview, bulkTargets, type BulkOutcome } from "@/lib/dal/bulk-articles";
import { canAssignReviewers, canStartReReview } from "@/lib/permissions";
import { revalidateReaderLists } from "@/lib/reader-cache";
import { bulkAssignSchema, bulkReReviewSchema } from "@/lib/validations/bulk-articles";

/**
 * Bulk actions of the staff article index. The role is asked here (the same permission as the
 * single-article action); each article's own checks are the single-article DAL step's, inside
 * this action's transaction (lib/dal/bulk-articles.ts).
 */
const summary = (verb: string) => (out: BulkOutcome) =>
  `${verb} ${out.done.length} ${out.done.length === 1 ? "article" : "articles"}.` +
  (out.refused.length ? ` ${out.refused.length} refused: ${out.refused.map((r) => `“${r.question}” (${r.reason})`).join("; ")}` : "");

function refreshAfterBulk(out: BulkOutcome): void {
  if (out.done.length === 0) return;
  // Reader pages of these articles keep their live revision (a re-review or an assignment does not
  // change what readers see, except the lists' "under review" status); the lists and staff pages move.
  revalidateReaderLists();
  revalidatePath("/editor/articles");
  revalidatePath("/dashboard");
}

export const bulkStartReReviewAction = defineAction({
  schema: bulkReReviewSchema,
  can: canStartReReview,
  forbidden: "start re-reviews",
  run: ({ user, input }) => bulkStartReReview(user, bulkTargets(user, input)),
  refresh: refreshAfterBulk,
  message: summary("Started a re-review of"),
  data: (out) => ({ done: out.done.length, refused: out.refused.length }),
});

export const bulkAssignReviewersAction = defineAction({
  schema: bulkAssignSchema,
  can: canAssignReviewers,
  forbidden: "assign reviewers",
  run: ({ user, input }) => bulkAssignReviewers(user, bulkTargets(user, input), input),
  refresh: refreshAfterBulk,
  message: summary("Assigned reviewers to"),
  data: (out) => ({ done: out.done.length, refused: out.refused.length }),
});
