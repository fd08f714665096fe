import { z } from "@/lib/validations/zod";
import { newPasswordField } from "@/lib/validations/account";

export const userIdSchema = z.coerce.number().int().positive();

// Spelled out (not imported from db/schema) so browser forms can share this file.
export const ROLE_VALUES = ["admin", "editor", "reviewer"] as const;
export const roleSchema = z.enum(ROLE_VALUES, { message: "Choose a role" });

export const setUserActiveSchema = z.object({ userId: userIdSchema, active: z.boolean() }).strict();
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const createUserSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person's name").max(120, "Use at most 120 characters"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter an email address")
      .max(254, "Use at most 254 characters")
      .email("Enter a valid email address"),
    role: roleSchema,
    temporaryPassword: newPasswordField,
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema }).strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const resetPasswordSchema = z.object({ userId: userIdSchema, temporaryPassword: newPasswordField }).strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const userRefSchema = z.object({ userId: userIdSchema }).strict();
