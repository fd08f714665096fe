import { z } from "@/lib/validations/zod";

export const signInSchema = z
  .object({
    email: z.string().trim().min(1, "Enter your email").max(254).email("Enter a valid email address"),
    password: z.string().min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
  })
  .strip();

export type SignInInput = z.infer<typeof signInSchema>;
