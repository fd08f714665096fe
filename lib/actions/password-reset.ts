"use server";

import { ActionError, INVALID_FIELDS } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import {
  auditRefusedReset,
  checkResetToken,
  completePasswordReset,
  requestPasswordReset,
  takeResetRequestSlot,
} from "@/lib/dal/password-reset";
import { hashPassword } from "@/lib/passwords";
import { passwordProblem } from "@/lib/password-policy";
import { RESET_REQUESTED_MESSAGE, resetThrottleMessage, type ResetTokenState } from "@/lib/password-reset";
import { requestClientIp } from "@/lib/security/request-ip";
import { passwordResetRequestSchema, resetPasswordSchema } from "@/lib/validations/password-reset";

/** Why a link can't be used, as the reset page says it (it offers a new link). */
export type SpentLink = { link: Exclude<ResetTokenState, "valid"> };

const SPENT_MESSAGES: Record<SpentLink["link"], string> = {
  expired: "This reset link has expired. Links work for 30 minutes: ask for a new one.",
  used: "This reset link has already been used, or a newer one was sent. Ask for a new one if you still need it.",
  unknown: "This reset link is not valid. Ask for a new one.",
};

const spentLink = (state: SpentLink["link"]) => new ActionError<SpentLink>("conflict", SPENT_MESSAGES[state], undefined, { link: state });

/**
 * Public: "Forgot your password?". The answer is the same whether or not the address has an
 * account (and an inactive account gets no mail); requests are throttled per address asked about
 * and per client address, like sign-in.
 */
export const requestPasswordResetAction = defineAction({
  public: true,
  form: { echo: ["email"] },
  schema: passwordResetRequestSchema,
  invalidMessage: "Please check the email address.",
  // The throttle's count commits on its own, so a refused request still counts and is audited.
  prepare: async ({ input }) => {
    const ip = await requestClientIp();
    const until = takeResetRequestSlot(input.email, ip);
    if (until) throw new ActionError("conflict", resetThrottleMessage(until));
    return { ip };
  },
  run: ({ input, prepared }) => {
    requestPasswordReset(input.email, prepared.ip);
  },
  message: RESET_REQUESTED_MESSAGE,
});

/** Public: the page the mailed link opens. Sets the new password and ends every session of the user. */
export const resetPasswordAction = defineAction({
  public: true,
  form: { echo: [] },
  schema: resetPasswordSchema,
  invalidMessage: (error) => (error.issues.some((i) => i.path[0] === "token") ? SPENT_MESSAGES.unknown : INVALID_FIELDS),
  // argon2 is async: the link is checked and the password weighed and hashed before the transaction.
  prepare: async ({ input }) => {
    const ip = await requestClientIp();
    const link = checkResetToken(input.token);
    if (link.state !== "valid") {
      auditRefusedReset(input.token, link.state, ip);
      throw spentLink(link.state);
    }
    const weak = passwordProblem(input.newPassword, link.user);
    if (weak) throw ActionError.field("newPassword", weak);
    return { ip, passwordHash: await hashPassword(input.newPassword) };
  },
  // Checked again inside the transaction: another tab may have used the link while we hashed.
  run: ({ input, prepared }) => {
    const outcome = completePasswordReset(input.token, prepared.passwordHash, prepared.ip);
    if (!outcome.ok) throw spentLink(outcome.state);
  },
  message: "Your password has been changed, and every session you had open has ended. Sign in with your new password.",
});
