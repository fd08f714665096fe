import { dueDate } from "@/lib/validations/workflow";
import { z } from "@/lib/validations/zod";

/**
 * Bulk actions of the staff article index: on the articles ticked on the page (`ids`) or on every
 * article of the filtered view (`view`, the index's query string, read again on the server with the
 * caller's own scope). At most BULK_MAX articles at a time, so one transaction stays short.
 */
export const BULK_MAX = 500;

const id = z.coerce.number().int().positive();

const target = {
  ids: z.array(id).min(1, "Select at least one article").max(BULK_MAX, `At most ${BULK_MAX} articles at a time`).optional(),
  view: z.string().max(4000).optional(),
  /** The count the confirmation named: the server refuses if the view now holds a different number. */
  expected: z.coerce.number().int().min(1).max(BULK_MAX),
};

const oneTarget = (v: { ids?: number[]; view?: string }) => (v.ids !== undefined) !== (v.view !== undefined);
const TARGET_MESSAGE = "Choose the selected articles or the whole view";

export const bulkReReviewSchema = z.object(target).strict().refine(oneTarget, TARGET_MESSAGE);

export const bulkAssignSchema = z
  .object({
    ...target,
    reviewerIds: z
      .array(id)
      .min(1, "Choose at least one reviewer")
      .max(10, "Assign at most 10 reviewers")
      .refine((ids) => new Set(ids).size === ids.length, "Each reviewer once"),
    dueDate,
  })
  .strict()
  .refine(oneTarget, TARGET_MESSAGE);

export type BulkReReviewInput = z.infer<typeof bulkReReviewSchema>;
export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;
