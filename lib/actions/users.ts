"use server";

import { revalidatePath } from "next/cache";
import { ActionError, INVALID_REQUEST } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { changeUserRole, createUser, resetUserPassword, setUserActive, signOutEverywhere } from "@/lib/dal/user-admin";
import { hashPassword } from "@/lib/passwords";
import { passwordProblem } from "@/lib/password-policy";
import { canManageUsers } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setUserActiveSchema, userRefSchema } from "@/lib/validations/user";

/** Every user-administration action is the admins'. A refusal from the DAL is a UserAdminError (an ActionError). */
const admin = { can: canManageUsers, forbidden: "manage users" } as const;

function refreshUserPages(userId?: number) {
  revalidatePath("/admin/users");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

/** A temporary password checked against the policy, then hashed (argon2 is async: before the transaction). */
async function hashTemporaryPassword(password: string, user?: { name: string; email: string }): Promise<string> {
  const weak = passwordProblem(password, user);
  if (weak) throw ActionError.field("temporaryPassword", weak);
  return hashPassword(password);
}

export const setUserActiveAction = defineAction({
  schema: setUserActiveSchema,
  invalidMessage: INVALID_REQUEST,
  ...admin,
  run: ({ user, input }) => setUserActive(user, input.userId, input.active),
  refresh: (_, { input }) => {
    refreshUserPages(input.userId);
    // A deactivated board member leaves the public board page.
    revalidateAllReaderPages();
  },
  message: (_, { input }) => (input.active ? "User reactivated." : "User deactivated; their sessions have ended."),
});

export const createUserAction = defineAction({
  schema: createUserSchema,
  ...admin,
  prepare: ({ input }) => hashTemporaryPassword(input.temporaryPassword, input),
  run: ({ user, input, prepared }) => createUser(user, input, prepared),
  refresh: () => refreshUserPages(),
  message: (_, { input }) => `${input.name} can now sign in with the temporary password and will be asked to choose their own.`,
  data: (userId) => ({ userId }),
});

export const changeUserRoleAction = defineAction({
  schema: changeRoleSchema,
  ...admin,
  run: ({ user, input }) => changeUserRole(user, input.userId, input.role),
  refresh: (_, { input }) => {
    refreshUserPages(input.userId);
    revalidateAllReaderPages();
  },
  message: (result) => {
    if (!result.changed) return "The role is unchanged.";
    const n = result.assignmentsRemoved;
    return `Role changed.${n ? ` They were removed from ${n} open review${n === 1 ? "" : "s"}.` : ""}`;
  },
});

export const resetUserPasswordAction = defineAction({
  schema: resetPasswordSchema,
  ...admin,
  prepare: ({ input }) => hashTemporaryPassword(input.temporaryPassword),
  run: ({ user, input, prepared }) => resetUserPassword(user, input.userId, prepared),
  refresh: (_, { input }) => refreshUserPages(input.userId),
  message: "Password reset. Their sessions have ended; they must choose a new password at next sign-in.",
});

export const signOutEverywhereAction = defineAction({
  schema: userRefSchema,
  invalidMessage: INVALID_REQUEST,
  ...admin,
  run: ({ user, input }) => signOutEverywhere(user, input.userId),
  refresh: (_, { input }) => refreshUserPages(input.userId),
  message: "Signed out everywhere. Their open sessions end on their next request.",
});
