import { z } from "@/lib/validations/zod";
import { honeypot, replyEmail } from "@/lib/validations/public-form";
import { ERROR_QUOTE_MAX, ERROR_REPORT_MAX } from "@/lib/validations/error-report-limits";

/** A reader's error report from an article; `website` is the honeypot (people never see or fill it). */
export const errorReportSchema = z
  .object({
    slug: z.string().min(1).max(200),
    description: z
      .string()
      .trim()
      .min(10, "Please say what is wrong (at least 10 characters).")
      .max(ERROR_REPORT_MAX, `Please keep it under ${ERROR_REPORT_MAX.toLocaleString("en")} characters.`),
    quote: z
      .string()
      .trim()
      .max(ERROR_QUOTE_MAX, `Please quote at most ${ERROR_QUOTE_MAX} characters.`)
      .optional()
      .transform((v) => v || null),
    email: replyEmail,
    audience: z.enum(["clinician", "patient"]).optional(),
    website: honeypot,
  })
  .strict();

export const resolveErrorReportSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    resolution: z
      .string()
      .trim()
      .min(5, "Write what you found or changed (at least 5 characters).")
      .max(2000, "Use at most 2,000 characters."),
  })
  .strict();

export type ResolveErrorReportInput = z.input<typeof resolveErrorReportSchema>;

export const errorReportIdSchema = z.object({ id: z.coerce.number().int().positive() }).strict();
