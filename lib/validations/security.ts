import { z } from "@/lib/validations/zod";
import { codeSchema } from "@/lib/validations/auth";

/** Schemas for /account/security and the admin user page's sessions and second-factor reset. Strict. */
const userId = z.coerce.number().int().positive();
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{24}$/, "Unknown session");

export const confirmTwoFactorSchema = z.object({ code: codeSchema }).strict();
export const endSessionSchema = z.object({ sessionId }).strict();
export const adminEndSessionSchema = z.object({ userId, sessionId }).strict();
export const adminResetTwoFactorSchema = z.object({ userId }).strict();

export type ConfirmTwoFactorInput = z.infer<typeof confirmTwoFactorSchema>;
