"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { markAllNotificationsRead } from "@/lib/dal/notifications";
import {
  addReviewer,
  assignReviewers,
  escalateChangeClass,
  removeReviewer,
  startReReview,
  submitRevision,
  withdrawRevision,
} from "@/lib/dal/workflow";
import { canAssignReviewers, canAttemptRevisionAction, canStartReReview, canSubmitRevision, canUseEditorArea } from "@/lib/permissions";
import { refreshAfterTransition } from "@/lib/transition-refresh";
import {
  addReviewerSchema,
  assignReviewersSchema,
  escalateChangeClassSchema,
  noInputSchema,
  removeReviewerSchema,
  revisionActionSchema,
  startReReviewSchema,
  submitRevisionSchema,
} from "@/lib/validations/workflow";

/**
 * Editorial workflow actions. The state check is the DAL's, inside the action's transaction,
 * where a refusal (a WorkflowError) rolls everything back.
 */

export const submitRevisionAction = defineAction({
  schema: submitRevisionSchema,
  can: (user) => canSubmitRevision(user),
  forbidden: "submit revisions",
  run: ({ user, input: { revisionId, changeSummary, ...claim } }) => submitRevision(user, revisionId, claim, changeSummary),
  refresh: refreshAfterTransition,
  message: "Submitted. Assign reviewers to start the review.",
});

export const escalateChangeClassAction = defineAction({
  schema: escalateChangeClassSchema,
  // Who may escalate depends on the panel (assigned reviewers, editors): checked in the DAL.
  can: (user) => canAttemptRevisionAction(user, "escalate_class"),
  forbidden: "escalate a change; only editors and assigned reviewers can",
  run: ({ user, input }) => escalateChangeClass(user, input),
  refresh: refreshAfterTransition,
  message: "Escalated: this change now needs the full review.",
});

export const withdrawRevisionAction = defineAction({
  schema: revisionActionSchema,
  // Any staff member may try: who may withdraw depends on authorship (canWithdrawRevision),
  // which the DAL checks against the stored revision.
  can: canUseEditorArea,
  forbidden: "withdraw revisions",
  run: ({ user, input }) => withdrawRevision(user, input.revisionId),
  refresh: refreshAfterTransition,
  message: "Withdrawn. The revision is a draft again.",
});

export const assignReviewersAction = defineAction({
  schema: assignReviewersSchema,
  can: canAssignReviewers,
  forbidden: "assign reviewers",
  run: ({ user, input }) => assignReviewers(user, input),
  refresh: refreshAfterTransition,
  message: "The review has started. Reviewers were notified.",
});

export const addReviewerAction = defineAction({
  schema: addReviewerSchema,
  can: canAssignReviewers,
  forbidden: "assign reviewers",
  run: ({ user, input }) => addReviewer(user, input),
  refresh: refreshAfterTransition,
  message: "Reviewer added and notified.",
});

export const removeReviewerAction = defineAction({
  schema: removeReviewerSchema,
  can: canAssignReviewers,
  forbidden: "remove reviewers",
  run: ({ user, input }) => removeReviewer(user, input),
  refresh: refreshAfterTransition,
  message: "Reviewer removed; their approval no longer counts.",
});

export const startReReviewAction = defineAction({
  schema: startReReviewSchema,
  can: canStartReReview,
  forbidden: "start a re-review",
  run: ({ user, input }) => startReReview(user, input.articleId),
  refresh: refreshAfterTransition,
  message: (outcome) =>
    outcome.state === "submitted"
      ? "Re-review started: a new revision is submitted. Assign reviewers; readers keep the approved version meanwhile."
      : "Re-review started as a draft: fix the blocking checklist items, then submit.",
});

export const markNotificationsReadAction = defineAction({
  schema: noInputSchema,
  can: canUseEditorArea,
  forbidden: "read notifications",
  run: ({ user }) => markAllNotificationsRead(user),
  refresh: () => revalidatePath("/dashboard"),
  message: "All notifications marked read.",
});
