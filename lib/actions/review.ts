"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalidInput, unauthenticated, type ActionResult } from "@/lib/action-result";
import { addReviewComment } from "@/lib/dal/review";
import { getCurrentUser } from "@/lib/dal/session";
import { approveRevision, requestChanges } from "@/lib/dal/sign-offs";
import { workflowFailure } from "@/lib/dal/workflow-context";
import type { TransitionOutcome } from "@/lib/dal/workflow";
import { canUseEditorArea } from "@/lib/permissions";
import { throttleMessage } from "@/lib/throttle";
import { refreshAfterTransition } from "@/lib/transition-refresh";
import { approveSchema, commentSchema, requestChangesSchema } from "@/lib/validations/workflow";

/**
 * Review actions: comment, request changes, approve (signature with password). Whether the caller
 * may act on this revision (assigned, not its author, right state, same text) is decided inside
 * the DAL's transaction from the stored rows, never from anything the form sends.
 */

export async function addReviewCommentAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canUseEditorArea(user)) return forbidden("comment on reviews");
  const parsed = commentSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let articleId: number;
  try {
    articleId = addReviewComment(user, parsed.data).articleId;
  } catch (error) {
    return workflowFailure(error);
  }
  revalidatePath(`/editor/articles/${articleId}`, "layout");
  return { ok: true, message: "Comment added." };
}

export async function requestChangesAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (user.role !== "reviewer") return forbidden("request changes; only assigned board reviewers can");
  const parsed = requestChangesSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = requestChanges(user, parsed.data);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "Changes requested. The author has been notified." };
}

export async function approveRevisionAction(input: unknown): Promise<ActionResult<{ published: boolean }>> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (user.role !== "reviewer") return forbidden("approve; only assigned board reviewers can");
  const parsed = approveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let result: Awaited<ReturnType<typeof approveRevision>>;
  try {
    result = await approveRevision(user, parsed.data);
  } catch (error) {
    return workflowFailure(error);
  }
  if (!result.ok) {
    const message =
      result.reason === "locked" && result.lockedUntil
        ? throttleMessage(result.lockedUntil).replace("sign-in", "signing")
        : "That password is not correct. Nothing was signed.";
    return { ok: false, code: "invalid", message, fieldErrors: { password: [message] } };
  }
  refreshAfterTransition(result.outcome);
  return {
    ok: true,
    data: { published: result.published },
    message: result.published
      ? "Signed. The quorum is reached: this revision is approved and now live."
      : `Signed. ${result.approvalsCounted} approval${result.approvalsCounted === 1 ? "" : "s"} on this text so far.`,
  };
}
