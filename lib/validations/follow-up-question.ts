import { z } from "@/lib/validations/zod";
import { QUESTION_MAX } from "@/lib/validations/follow-up-limits";

export { QUESTION_MAX };

/** A reader's follow-up question; `website` is the honeypot (people never see or fill it). */
export const followUpQuestionSchema = z
  .object({
    slug: z.string().min(1).max(200),
    question: z
      .string()
      .trim()
      .min(10, "Please write your question (at least 10 characters).")
      .max(QUESTION_MAX, `Please keep your question under ${QUESTION_MAX.toLocaleString("en")} characters.`),
    email: z
      .union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").max(254)])
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null)),
    audience: z.enum(["clinician", "patient"]).optional(),
    website: z.string().max(500).optional(),
  })
  .strict();

export type FollowUpQuestionInput = z.input<typeof followUpQuestionSchema>;

export const triageQuestionSchema = z.object({ id: z.coerce.number().int().positive() }).strict();
