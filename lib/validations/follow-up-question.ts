import { z } from "@/lib/validations/zod";
import { honeypot, replyEmail } from "@/lib/validations/public-form";
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
    email: replyEmail,
    audience: z.enum(["clinician", "patient"]).optional(),
    website: honeypot,
  })
  .strict();

export type FollowUpQuestionInput = z.input<typeof followUpQuestionSchema>;

export const triageQuestionSchema = z.object({ id: z.coerce.number().int().positive() }).strict();
