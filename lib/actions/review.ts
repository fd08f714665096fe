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
import {
  approveSchema,
  commentSchema,
  requestChangesSchema,
  type ApproveInput,
  type RequestChangesInput,
} from "@/lib/validations/workflow";
import type { CurrentUser } from "@/lib/dal/session";

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

/**
 * A signature's components, checked before its transaction: the password again (argon2, async; a
 * wrong one's record and lockout count are committed even though the action then refuses) and,
 * with two-factor sign-in, a current code (on its own throttle; never accepted twice).
 */
async function signatureFactors(
  user: CurrentUser,
  input: RequestChangesInput | ApproveInput,
  decision: "approve" | "request_changes",
): Promise<SignatureFactors> {
  const check = await checkSigningPassword(user, input, decision);
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
}

export const requestChangesAction = defineAction({
  schema: requestChangesSchema,
  can: (user) => canAttemptRevisionAction(user, "request_changes"),
  forbidden: "request changes; only assigned board reviewers can",
  prepare: ({ user, input }) => signatureFactors(user, input, "request_changes"),
  run: ({ user, input, prepared }) => requestChanges(user, input, prepared),
  refresh: refreshAfterTransition,
  message: "Changes requested. The author has been notified.",
});

export const approveRevisionAction = defineAction({
  schema: approveSchema,
  can: (user) => canAttemptRevisionAction(user, "approve"),
  forbidden: "approve; only assigned board reviewers can",
  prepare: ({ user, input }) => signatureFactors(user, input, "approve"),
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
