"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/dal/session";
import { changeUserRole, createUser, resetUserPassword, setUserActive, signOutEverywhere, UserAdminError } from "@/lib/dal/user-admin";
import { hashPassword } from "@/lib/passwords";
import { passwordProblem } from "@/lib/password-policy";
import { canManageUsers } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setUserActiveSchema, userRefSchema } from "@/lib/validations/user";

/** The session and permission every user-administration action needs, checked first. */
async function requireUserAdmin() {
  const actor = await getCurrentUser();
  if (!actor) return { error: unauthenticated() } as const;
  if (!canManageUsers(actor)) return { error: forbidden("manage users") } as const;
  return { actor } as const;
}

function conflict(error: unknown): ActionResult<never> {
  if (error instanceof UserAdminError)
    return error.field
      ? invalid({ [error.field]: [error.message] }, error.message)
      : { ok: false, code: "conflict", message: error.message };
  throw error;
}

function refreshUserPages(userId?: number) {
  revalidatePath("/admin/users");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult> {
  const { actor, error } = await requireUserAdmin();
  if (error) return error;
  const parsed = setUserActiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  try {
    setUserActive(actor, parsed.data.userId, parsed.data.active);
  } catch (e) {
    return conflict(e);
  }
  refreshUserPages(parsed.data.userId);
  // A deactivated board member leaves the public board page.
  revalidateAllReaderPages();
  return { ok: true, message: parsed.data.active ? "User reactivated." : "User deactivated; their sessions have ended." };
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ userId: number }>> {
  const { actor, error } = await requireUserAdmin();
  if (error) return error;
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const weak = passwordProblem(parsed.data.temporaryPassword, parsed.data);
  if (weak) return invalid({ temporaryPassword: [weak] });
  let userId: number;
  try {
    userId = createUser(actor, parsed.data, await hashPassword(parsed.data.temporaryPassword));
  } catch (e) {
    return conflict(e);
  }
  refreshUserPages();
  return {
    ok: true,
    message: `${parsed.data.name} can now sign in with the temporary password and will be asked to choose their own.`,
    data: { userId },
  };
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult> {
  const { actor, error } = await requireUserAdmin();
  if (error) return error;
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  let result;
  try {
    result = changeUserRole(actor, parsed.data.userId, parsed.data.role);
  } catch (e) {
    return conflict(e);
  }
  refreshUserPages(parsed.data.userId);
  revalidateAllReaderPages();
  if (!result.changed) return { ok: true, message: "The role is unchanged." };
  const removed = result.assignmentsRemoved
    ? ` They were removed from ${result.assignmentsRemoved} open review${result.assignmentsRemoved === 1 ? "" : "s"}.`
    : "";
  return { ok: true, message: `Role changed.${removed}` };
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult> {
  const { actor, error } = await requireUserAdmin();
  if (error) return error;
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const weak = passwordProblem(parsed.data.temporaryPassword);
  if (weak) return invalid({ temporaryPassword: [weak] });
  try {
    resetUserPassword(actor, parsed.data.userId, await hashPassword(parsed.data.temporaryPassword));
  } catch (e) {
    return conflict(e);
  }
  refreshUserPages(parsed.data.userId);
  return { ok: true, message: "Password reset. Their sessions have ended; they must choose a new password at next sign-in." };
}

export async function signOutEverywhereAction(input: unknown): Promise<ActionResult> {
  const { actor, error } = await requireUserAdmin();
  if (error) return error;
  const parsed = userRefSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  try {
    signOutEverywhere(actor, parsed.data.userId);
  } catch (e) {
    return conflict(e);
  }
  refreshUserPages(parsed.data.userId);
  return { ok: true, message: "Signed out everywhere. Their open sessions end on their next request." };
}
