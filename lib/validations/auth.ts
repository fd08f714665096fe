import { z } from "@/lib/validations/zod";

export const signInSchema = z
  .object({
    email: z.string().trim().min(1, "Enter your email").max(254).email("Enter a valid email address"),
    password: z.string().min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
  })
  .strip();

export type SignInInput = z.infer<typeof signInSchema>;

/** A sign-in's second step: the challenge the password step returned, and a TOTP or recovery code. */
export const secondStepSchema = z
  .object({
    challenge: z.string().min(1).max(2000),
    code: z.string().trim().min(1, "Enter the code").max(32, "Enter the 6-digit code from your app, or a recovery code"),
  })
  .strip();

export const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your app");

/** The password step's answer when a code is needed: this prefix, then the encrypted challenge. */
export const SECOND_STEP_PREFIX = "second-factor:";
export const SIGN_IN_EXPIRED = "Your sign-in took too long. Enter your email and password again.";
