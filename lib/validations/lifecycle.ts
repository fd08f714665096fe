import { z } from "@/lib/validations/zod";
import { isKnownTimeZone, LOCAL_DATE_TIME, zonedTimeToUtc } from "@/lib/time-zone";

/**
 * Schemas of the publishing lifecycle's actions (lib/actions/lifecycle.ts), shared with their
 * forms. Times are typed in the site's time zone (a datetime-local input) and the form sends that
 * zone along; the action refuses a zone other than the site's, so the times it compares are the
 * ones the editor saw.
 */
const id = z.coerce.number().int().positive();

/** "" (no time) or a wall-clock time "YYYY-MM-DDTHH:MM". */
const localTime = z
  .string()
  .trim()
  .refine((s) => s === "" || LOCAL_DATE_TIME.test(s), "Enter a date and time (for example 2026-12-24 09:30)");

export const scheduleSchema = z
  .object({
    revisionId: id,
    publishAt: localTime,
    unpublishAt: localTime,
    timeZone: z.string().refine(isKnownTimeZone, "Unknown time zone; reload the page"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const now = Date.now();
    const read = (field: "publishAt" | "unpublishAt") => {
      if (v[field] === "" || !LOCAL_DATE_TIME.test(v[field])) return null;
      const at = zonedTimeToUtc(v[field], v.timeZone);
      if (!at) ctx.addIssue({ code: "custom", path: [field], message: `That time doesn't exist in ${v.timeZone} (the clocks change)` });
      else if (at.getTime() <= now) ctx.addIssue({ code: "custom", path: [field], message: "Choose a time in the future" });
      return at;
    };
    const publishAt = read("publishAt");
    const unpublishAt = read("unpublishAt");
    if (publishAt && unpublishAt && unpublishAt.getTime() <= publishAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["unpublishAt"], message: "The expiry must be after the publication time" });
    }
  });

export type ScheduleInput = z.infer<typeof scheduleSchema>;
export type ScheduleFormValues = z.input<typeof scheduleSchema>;

const reason = z.string().trim().min(10, "Give readers the reason in at least 10 characters").max(500, "Use at most 500 characters");

export const withdrawArticleSchema = z.object({ articleId: id, reason }).strict();
export type WithdrawArticleInput = z.infer<typeof withdrawArticleSchema>;

export const republishArticleSchema = z.object({ articleId: id }).strict();

export const archiveArticleSchema = z
  .object({
    articleId: id,
    /** The successor's slug; "" archives without one (readers get 410). */
    successorSlug: z
      .string()
      .trim()
      .max(200, "Use at most 200 characters")
      .refine((s) => s === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s), "Enter the successor's slug, like the end of /articles/…"),
    reason: z.string().trim().max(500, "Use at most 500 characters"),
  })
  .strict();
export type ArchiveArticleInput = z.infer<typeof archiveArticleSchema>;
