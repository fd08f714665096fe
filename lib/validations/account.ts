import { z } from "@/lib/validations/zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/password-policy-limits";

/** A new password's length; the common-password check runs on the server (the list is large). */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords don't match" })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
