import { z } from "@/lib/validations/zod";
import { newPasswordConfirmed, newPasswordFields } from "@/lib/validations/account";
import { signInSchema } from "@/lib/validations/auth";

/** "Forgot your password?": the address, checked as the sign-in form checks it. */
export const passwordResetRequestSchema = z.object({ email: signInSchema.shape.email }).strict();

export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

/** A reset token: 32 bytes in base64url, no padding, so exactly 43 URL-safe characters. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The link's token (32 bytes, base64url) with the new password twice, as on the change-password form. */
export const resetPasswordSchema = z
  .object({
    token: z.string().regex(RESET_TOKEN_PATTERN, "This reset link is not valid."),
    ...newPasswordFields,
  })
  .strict()
  .refine(...newPasswordConfirmed);

export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
