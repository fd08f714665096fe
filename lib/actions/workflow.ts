"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalidInput, unauthenticated, type ActionResult } from "@/lib/action-result";
import { markAllNotificationsRead } from "@/lib/dal/notifications";
import { getCurrentUser } from "@/lib/dal/session";
import {
  addReviewer,
  assignReviewers,
  removeReviewer,
  startReReview,
  submitRevision,
  withdrawRevision,
  type TransitionOutcome,
} from "@/lib/dal/workflow";
import { workflowFailure } from "@/lib/dal/workflow-context";
import { canAssignReviewers, canStartReReview, canSubmitRevision, canUseEditorArea } from "@/lib/permissions";
import { refreshAfterTransition } from "@/lib/transition-refresh";
import {
  addReviewerSchema,
  assignReviewersSchema,
  removeReviewerSchema,
  revisionActionSchema,
  startReReviewSchema,
} from "@/lib/validations/workflow";

/**
 * Editorial workflow actions. Each is a public endpoint: it reads the session, checks the
 * permission, validates strictly, and leaves the state check to the DAL's transaction, where a
 * refusal rolls everything back.
 */

export async function submitRevisionAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canSubmitRevision(user)) return forbidden("submit revisions");
  const parsed = revisionActionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = submitRevision(user, parsed.data.revisionId);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "Submitted. Assign reviewers to start the review." };
}

export async function withdrawRevisionAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  const parsed = revisionActionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    // Who may withdraw depends on authorship, which the DAL checks against the stored revision.
    outcome = withdrawRevision(user, parsed.data.revisionId);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "Withdrawn. The revision is a draft again." };
}

export async function assignReviewersAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canAssignReviewers(user)) return forbidden("assign reviewers");
  const parsed = assignReviewersSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = assignReviewers(user, parsed.data);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "The review has started. Reviewers were notified." };
}

export async function addReviewerAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canAssignReviewers(user)) return forbidden("assign reviewers");
  const parsed = addReviewerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = addReviewer(user, parsed.data);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "Reviewer added and notified." };
}

export async function removeReviewerAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canAssignReviewers(user)) return forbidden("remove reviewers");
  const parsed = removeReviewerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = removeReviewer(user, parsed.data);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return { ok: true, message: "Reviewer removed; their approval no longer counts." };
}

export async function startReReviewAction(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canStartReReview(user)) return forbidden("start a re-review");
  const parsed = startReReviewSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  let outcome: TransitionOutcome;
  try {
    outcome = startReReview(user, parsed.data.articleId);
  } catch (error) {
    return workflowFailure(error);
  }
  refreshAfterTransition(outcome);
  return {
    ok: true,
    message:
      outcome.state === "submitted"
        ? "Re-review started: a new revision is submitted. Assign reviewers; readers keep the approved version meanwhile."
        : "Re-review started as a draft: fix the blocking checklist items, then submit.",
  };
}

export async function markNotificationsReadAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (!canUseEditorArea(user)) return forbidden("read notifications");
  markAllNotificationsRead(user);
  revalidatePath("/dashboard");
  return { ok: true, message: "All notifications marked read." };
}
