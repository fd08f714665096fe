"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/dal/session";
import { setUserActive, UserAdminError } from "@/lib/dal/user-admin";
import { canManageUsers } from "@/lib/permissions";
import { setUserActiveSchema } from "@/lib/validations/user";

export async function setUserActiveAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canManageUsers(actor)) return forbidden("manage users");
  const parsed = setUserActiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  try {
    setUserActive(actor, parsed.data.userId, parsed.data.active);
  } catch (error) {
    if (error instanceof UserAdminError) return { ok: false, code: "conflict", message: error.message };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: parsed.data.active ? "User reactivated." : "User deactivated; their sessions have ended." };
}
