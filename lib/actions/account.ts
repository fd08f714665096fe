"use server";

import { ActionError } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { reissueSession } from "@/lib/dal/session";
import { checkOwnPassword, storeOwnPassword } from "@/lib/dal/users";
import { hashPassword } from "@/lib/passwords";
import { passwordProblem } from "@/lib/password-policy";
import { requestClientIp } from "@/lib/security/request-ip";
import { canChangeOwnPassword } from "@/lib/permissions";
import { changePasswordSchema } from "@/lib/validations/account";

/**
 * The user's own password change. The one action a user with a temporary password may use; it
 * keeps this browser signed in and ends the rest.
 */
export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  allowTemporaryPassword: true,
  can: canChangeOwnPassword,
  forbidden: "change this password",
  // argon2 (checking the current password, hashing the new one) is async: before the transaction.
  prepare: async ({ user, input }) => {
    const weak = passwordProblem(input.newPassword, user);
    if (weak) throw ActionError.field("newPassword", weak);
    const ip = await requestClientIp();
    const check = await checkOwnPassword(user.id, input.currentPassword, ip);
    if (!check.ok)
      throw check.field ? ActionError.field(check.field, check.message, check.message) : new ActionError("conflict", check.message);
    return { user: check.user, passwordHash: await hashPassword(input.newPassword), ip };
  },
  run: ({ prepared }) => {
    const outcome = storeOwnPassword(prepared.user, prepared.passwordHash, prepared.ip);
    if (!outcome.ok) throw new ActionError("conflict", outcome.message);
    return outcome.sessionVersion;
  },
  // After commit: this browser gets a session carrying the new version.
  refresh: (sessionVersion) => reissueSession(sessionVersion),
  message: "Your password has been changed. Any other sessions you had open have ended.",
});
