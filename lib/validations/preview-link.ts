import { z } from "@/lib/validations/zod";
import { honeypot } from "@/lib/validations/public-form";
import { PREVIEW_MAX_DAYS } from "@/lib/preview-links";

export const RECIPIENT_MAX = 120;
export const GUEST_COMMENT_MAX = 4000;

/** "This version" pins the working revision as it is now; "latest" follows the working revision. */
export const PREVIEW_TARGETS = ["this_version", "latest"] as const;
export type PreviewTarget = (typeof PREVIEW_TARGETS)[number];

export const createPreviewLinkSchema = z
  .object({
    articleId: z.coerce.number().int().positive(),
    target: z.enum(PREVIEW_TARGETS, "Choose what the link shows."),
    expiresInDays: z.coerce
      .number("Enter a number of days.")
      .int("Enter a whole number of days.")
      .min(1, "A link lasts at least 1 day.")
      .max(PREVIEW_MAX_DAYS, `A link can last at most ${PREVIEW_MAX_DAYS} days.`),
    recipient: z
      .string()
      .trim()
      .max(RECIPIENT_MAX, `Keep the name under ${RECIPIENT_MAX} characters.`)
      .optional()
      .transform((v) => v ?? ""),
  })
  .strict();

export type CreatePreviewLinkInput = z.input<typeof createPreviewLinkSchema>;

export const revokePreviewLinkSchema = z.object({ linkId: z.coerce.number().int().positive() }).strict();

/** A comment from a preview link's recipient; `website` is the honeypot, as on the follow-up form. */
export const guestCommentSchema = z
  .object({
    token: z.string().max(100),
    name: z.string().trim().max(RECIPIENT_MAX, `Keep your name under ${RECIPIENT_MAX} characters.`).optional(),
    comment: z
      .string()
      .trim()
      .min(3, "Please write your comment.")
      .max(GUEST_COMMENT_MAX, `Please keep your comment under ${GUEST_COMMENT_MAX.toLocaleString("en")} characters.`),
    audience: z.enum(["clinician", "patient"]).optional(),
    website: honeypot,
  })
  .strict();
