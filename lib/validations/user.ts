import { z } from "zod";

export const userIdSchema = z.coerce.number().int().positive();

export const setUserActiveSchema = z.object({ userId: userIdSchema, active: z.boolean() }).strict();
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
