import { z } from "@/lib/validations/zod";
import { CREDENTIAL_CLASSES } from "@/lib/domain";

/** "Obstetrics, Pelvic health" → ["Obstetrics", "Pelvic health"]: comma- or semicolon-separated, each once. */
export const splitSpecialties = (text: string) => [
  ...new Set(
    text
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

export const boardProfileSchema = z
  .object({
    userId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1, "Enter the name readers will see").max(120, "Use at most 120 characters"),
    credentials: z.string().trim().max(80, "Use at most 80 characters"),
    specialty: z.string().trim().max(120, "Use at most 120 characters"),
    bio: z.string().trim().max(1200, "Keep the bio to 1,200 characters"),
    isPublic: z.boolean(),
    /** Optional so older clients keep the stored class and specialties. */
    credentialClass: z.enum(CREDENTIAL_CLASSES, { message: "Choose a credential class" }).optional(),
    specialties: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters")
      .refine((s) => splitSpecialties(s).length <= 10, "At most 10 specialties")
      .refine((s) => splitSpecialties(s).every((x) => x.length <= 80), "Keep each specialty under 80 characters")
      .optional(),
  })
  .strict()
  // A listed profile appears on the public board page: readers need the credentials and specialty.
  .refine((p) => !p.isPublic || p.credentials.length > 0, {
    path: ["credentials"],
    message: "Listed profiles need credentials (e.g. “MD, FACOG”)",
  })
  .refine((p) => !p.isPublic || p.specialty.length > 0, { path: ["specialty"], message: "Listed profiles need a specialty" });

export type BoardProfileInput = z.infer<typeof boardProfileSchema>;
