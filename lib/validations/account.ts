import { z } from "@/lib/validations/zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/password-policy-limits";

/** A new password's length; the common-password check runs on the server (the list is large). */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

/** The new password and its confirmation, as the change-password and reset-password forms both ask for them. */
export const newPasswordFields = { newPassword: newPasswordField, confirmPassword: z.string().max(PASSWORD_MAX) };

export const newPasswordConfirmed: [(v: { newPassword: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] =
  [(v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords don't match" }];

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`),
    ...newPasswordFields,
  })
  .strict()
  .refine(...newPasswordConfirmed)
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
