import { z } from "@/lib/validations/zod";
import { MINOR_REASONS } from "@/lib/domain";

/**
 * Schemas for the workflow and review actions, shared by the forms (zodResolver) and the server
 * actions. Strict: an unknown field is a malformed request, not something to ignore.
 */
const id = z.coerce.number().int().positive();
const hash = z.string().regex(/^[0-9a-f]{64}$/, "The content version is missing; reload the page");

/** A calendar date (YYYY-MM-DD) from a date input; due at the end of that day, UTC. */
export const dueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T23:59:59Z`)), "Choose a valid date")
  // Compared as UTC calendar days, so "today" is accepted wherever the editor is.
  .refine((s) => s >= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), "Choose a date from today on");

export const revisionActionSchema = z.object({ revisionId: id }).strict();

/** The longest one-line change summary an editor writes at submission (public on the version history). */
export const CHANGE_SUMMARY_MAX = 200;

/**
 * Submitting, with the editor's one line on what changed and their claim of the change's size.
 * Without a live revision the change is new whatever is claimed; "minor" needs a reason and is
 * verified by the server against the live text.
 */
export const submitRevisionSchema = z
  .object({
    revisionId: id,
    changeSummary: z
      .string()
      .trim()
      .max(CHANGE_SUMMARY_MAX, `Keep the change summary to one line of at most ${CHANGE_SUMMARY_MAX} characters.`)
      .refine((v) => !/[\r\n]/.test(v), "Keep the change summary to one line.")
      .optional(),
    changeClass: z.enum(["major", "minor"], { message: "Choose the size of the change" }).optional(),
    minorReason: z.enum(MINOR_REASONS, { message: "Choose why the change is minor" }).optional(),
    minorNote: z.string().trim().max(300, "Keep the note under 300 characters").optional(),
  })
  .strict()
  .refine((v) => v.changeClass !== "minor" || !!v.minorReason, { message: "Choose why the change is minor", path: ["minorReason"] });

/** A reviewer (or editor) says a claimed-minor change needs the full review. */
export const escalateChangeClassSchema = z
  .object({
    revisionId: id,
    reason: z.string().trim().min(1, "Say why this needs a full review").max(1_000, "Keep the reason under 1,000 characters"),
  })
  .strict();

/** An action that takes no argument ("mark all notifications read"): any argument is refused. */
export const noInputSchema = z.undefined();

export const assignReviewersSchema = z
  .object({
    revisionId: id,
    reviewerIds: z
      .array(id)
      .max(10, "Assign at most 10 reviewers")
      .refine((ids) => new Set(ids).size === ids.length, "Each reviewer once"),
    dueDate: dueDate.optional(),
  })
  .strict()
  .refine((v) => v.reviewerIds.length === 0 || !!v.dueDate, { message: "Choose a due date", path: ["dueDate"] });

export const addReviewerSchema = z.object({ revisionId: id, reviewerId: id, dueDate }).strict();
export const removeReviewerSchema = z.object({ revisionId: id, reviewerId: id }).strict();
export const startReReviewSchema = z.object({ articleId: id }).strict();

export const commentSchema = z
  .object({
    revisionId: id,
    body: z.string().trim().min(1, "Write a comment").max(10_000, "Keep a comment under 10,000 characters"),
    quote: z.string().trim().max(2_000, "Quote at most 2,000 characters").optional(),
    quoteAudience: z.enum(["clinician", "patient"]).optional(),
  })
  .strict();

/**
 * What every signature carries (21 CFR Part 11 §11.200: two components): the password, and the
 * authenticator code when the signer has two-factor sign-in (required then; checked on the server).
 */
const signature = {
  revisionId: id,
  contentHash: hash,
  password: z.string().min(1, "Enter your password to sign").max(1024),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your app")
    .optional(),
};

export const approveSchema = z
  .object({ ...signature, comment: z.string().trim().max(10_000, "Keep a comment under 10,000 characters").optional() })
  .strict();

export const requestChangesSchema = z
  .object({
    ...signature,
    comment: z.string().trim().min(1, "Say what needs to change").max(10_000, "Keep a comment under 10,000 characters"),
  })
  .strict();

export type SubmitRevisionInput = z.infer<typeof submitRevisionSchema>;
export type EscalateChangeClassInput = z.infer<typeof escalateChangeClassSchema>;
export type AssignReviewersInput = z.infer<typeof assignReviewersSchema>;
export type AddReviewerInput = z.infer<typeof addReviewerSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
export type RequestChangesInput = z.infer<typeof requestChangesSchema>;
export type ApproveInput = z.infer<typeof approveSchema>;

export const endOfDayUtc = (date: string) => `${date}T23:59:59.000Z`;
