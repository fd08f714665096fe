import { z } from "@/lib/validations/zod";

/**
 * Fields every form a reader or guest sends without an account shares (components/ui/public-form.tsx):
 * an optional reply address, stored lower-cased or null, and the "website" honeypot people never
 * see or fill (the action refuses a filled one).
 */
export const replyEmail = z
  .union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").max(254)])
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null));

export const honeypot = z.string().max(500).optional();
