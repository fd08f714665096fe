"use server";

import { revalidatePath } from "next/cache";
import { ActionError } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { checkSecondFactor, enableTwoFactor, resetTwoFactor, startEnrolment } from "@/lib/dal/two-factor";
import { endOtherSessions, endSession } from "@/lib/dal/user-sessions";
import { canManageUsers, canUseEditorArea } from "@/lib/permissions";
import { requestClientIp } from "@/lib/security/request-ip";
import { adminEndSessionSchema, adminResetTwoFactorSchema, confirmTwoFactorSchema, endSessionSchema } from "@/lib/validations/security";
import { noInputSchema } from "@/lib/validations/workflow";

/**
 * /account/security: two-factor enrolment and the user's own sessions; and, for admins on the
 * user page, another user's sessions and second factor. Enrolment is open to a user the site
 * requires to enrol before anything else (allowTwoFactorSetup).
 */

export const startTwoFactorAction = defineAction({
  schema: noInputSchema,
  allowTwoFactorSetup: true,
  can: canUseEditorArea,
  forbidden: "set up two-factor sign-in",
  run: ({ user }) => {
    if (startEnrolment(user) === "already_enabled") throw new ActionError("conflict", "Two-factor sign-in is already on for your account.");
  },
  refresh: () => revalidatePath("/account/security"),
});

export const confirmTwoFactorAction = defineAction({
  schema: confirmTwoFactorSchema,
  allowTwoFactorSetup: true,
  can: canUseEditorArea,
  forbidden: "set up two-factor sign-in",
  // The code check commits its own record (a wrong or stale code counts towards the lockout).
  prepare: async ({ user, input }) => {
    const check = checkSecondFactor(user, input.code, "enrol", await requestClientIp());
    if (!check.ok) throw ActionError.field("code", check.message, `${check.message} Two-factor sign-in is not on yet.`);
    return check.step;
  },
  run: ({ user, prepared }) => {
    const codes = enableTwoFactor(user, prepared);
    if (codes.length === 0) throw new ActionError("conflict", "Two-factor sign-in is already on for your account.");
    return codes;
  },
  // No refresh here: the page would re-render as "on" and drop the codes before they are read.
  // The form's "I have saved my recovery codes" refreshes it.
  message: "Two-factor sign-in is on. Save your recovery codes now: they are shown only once.",
  data: (codes) => ({ recoveryCodes: codes }),
});

export const endSessionAction = defineAction({
  schema: endSessionSchema,
  can: canUseEditorArea,
  forbidden: "end sessions",
  run: ({ user, input }) => {
    const outcome = endSession(user, user.id, input.sessionId, user.sessionId ?? null, false);
    if (outcome === "current") throw new ActionError("conflict", "That is this browser's session: use Sign out instead.");
    if (outcome === "not_found") throw new ActionError("not_found", "That session has already ended.");
  },
  refresh: () => revalidatePath("/account/security"),
  message: "That session has ended. The browser will be asked to sign in again.",
});

export const endOtherSessionsAction = defineAction({
  schema: noInputSchema,
  can: canUseEditorArea,
  forbidden: "end sessions",
  run: ({ user }) => endOtherSessions(user, user.sessionId ?? null),
  refresh: () => revalidatePath("/account/security"),
  message: (n) => (n === 0 ? "You had no other sessions open." : `Signed out of ${n} other session${n === 1 ? "" : "s"}.`),
});

export const adminEndSessionAction = defineAction({
  schema: adminEndSessionSchema,
  can: canManageUsers,
  forbidden: "end other users' sessions",
  run: ({ user, input }) => {
    const outcome = endSession(user, input.userId, input.sessionId, user.sessionId ?? null, true);
    if (outcome === "current") throw new ActionError("conflict", "That is your own session in this browser: use Sign out instead.");
    if (outcome === "not_found") throw new ActionError("not_found", "That session has already ended.");
  },
  refresh: (_out, { input }) => revalidatePath(`/admin/users/${input.userId}`),
  message: "The session has ended.",
});

export const adminResetTwoFactorAction = defineAction({
  schema: adminResetTwoFactorSchema,
  can: canManageUsers,
  forbidden: "reset two-factor sign-in",
  run: ({ user, input }) => {
    const outcome = resetTwoFactor(user, input.userId);
    if (outcome === "no_user") throw new ActionError("not_found", "There is no such user.");
    if (outcome === "not_enrolled") throw new ActionError("conflict", "This user has not set up two-factor sign-in.");
  },
  refresh: (_out, { input }) => revalidatePath(`/admin/users/${input.userId}`),
  message: "Two-factor sign-in was reset. The user has been told by email and sets it up again at their next sign-in.",
});
