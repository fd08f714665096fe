"use server";

import { revalidatePath } from "next/cache";
import { ActionError } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { addReviewComment } from "@/lib/dal/review";
import { checkSigningPassword, recordApproval, requestChanges, type SignatureFactors } from "@/lib/dal/sign-offs";
import { checkSecondFactor, hasTwoFactor } from "@/lib/dal/two-factor";
import { requestClientIp } from "@/lib/security/request-ip";
import { canAttemptRevisionAction, canUseEditorArea } from "@/lib/permissions";
import { throttleMessage } from "@/lib/throttle";
import { refreshAfterTransition } from "@/lib/transition-refresh";
import { approveSchema, commentSchema, requestChangesSchema } from "@/lib/validations/workflow";

/**
 * Review actions: comment, request changes, approve (signature with password). Whether the caller
 * may act on this revision (assigned, not its author, right state, same text) is decided inside
 * the transaction from the stored rows, never from anything the form sends.
 */

export const addReviewCommentAction = defineAction({
  schema: commentSchema,
  can: canUseEditorArea,
  forbidden: "comment on reviews",
  run: ({ user, input }) => addReviewComment(user, input),
  refresh: ({ articleId }) => revalidatePath(`/editor/articles/${articleId}`, "layout"),
  message: "Comment added.",
});

export const requestChangesAction = defineAction({
  schema: requestChangesSchema,
  can: (user) => canAttemptRevisionAction(user, "request_changes"),
  forbidden: "request changes; only assigned board reviewers can",
  run: ({ user, input }) => requestChanges(user, input),
  refresh: refreshAfterTransition,
  message: "Changes requested. The author has been notified.",
});

export const approveRevisionAction = defineAction({
  schema: approveSchema,
  can: (user) => canAttemptRevisionAction(user, "approve"),
  forbidden: "approve; only assigned board reviewers can",
  // The password is checked again (argon2, async) before the transaction; a wrong one's record
  // and lockout count are committed there even though the action then refuses.
  // With two-factor sign-in, a current code is the signature's second component (checked after
  // the password, on its own throttle; a code is never accepted twice).
  prepare: async ({ user, input }): Promise<SignatureFactors> => {
    const check = await checkSigningPassword(user, input);
    if (!check.ok) {
      const message =
        check.reason === "locked" && check.lockedUntil
          ? throttleMessage(check.lockedUntil).replace("sign-in", "signing")
          : "That password is not correct. Nothing was signed.";
      throw ActionError.field("password", message, message);
    }
    if (!hasTwoFactor(user.id)) return "password";
    if (!input.code)
      throw ActionError.field("code", "Enter the 6-digit code from your app", "Enter the code from your app. Nothing was signed.");
    const code = checkSecondFactor(user, input.code, "sign_off", await requestClientIp());
    if (!code.ok) throw ActionError.field("code", code.message, `${code.message} Nothing was signed.`);
    return "password+totp";
  },
  run: ({ user, input, prepared }) => recordApproval(user, input, prepared),
  refresh: ({ outcome }) => refreshAfterTransition(outcome),
  message: ({ published, scheduledFor, outcome, approvalsCounted: n }) =>
    published
      ? "Signed. The quorum is reached: this revision is approved and now live."
      : outcome.state === "approved"
        ? scheduledFor
          ? "Signed. The quorum is reached: this revision is approved and scheduled; it goes live at its publication time."
          : "Signed. The quorum is reached: this revision is approved; the article is off the site until it is republished."
        : `Signed. ${n} approval${n === 1 ? "" : "s"} on this text so far.`,
  data: ({ published }) => ({ published }),
});
