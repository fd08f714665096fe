import { z } from "@/lib/validations/zod";

export const boardProfileSchema = z
  .object({
    userId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1, "Enter the name readers will see").max(120, "Use at most 120 characters"),
    credentials: z.string().trim().max(80, "Use at most 80 characters"),
    specialty: z.string().trim().max(120, "Use at most 120 characters"),
    bio: z.string().trim().max(1200, "Keep the bio to 1,200 characters"),
    isPublic: z.boolean(),
  })
  .strict()
  // A listed profile appears on the public board page: readers need the credentials and specialty.
  .refine((p) => !p.isPublic || p.credentials.length > 0, {
    path: ["credentials"],
    message: "Listed profiles need credentials (e.g. “MD, FACOG”)",
  })
  .refine((p) => !p.isPublic || p.specialty.length > 0, { path: ["specialty"], message: "Listed profiles need a specialty" });

export type BoardProfileInput = z.infer<typeof boardProfileSchema>;
