"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { startReReviewAction, submitRevisionAction, withdrawRevisionAction } from "@/lib/actions/workflow";
import { ActionMessage } from "@/components/ui/action-message";
import { ChangeSummaryField } from "./change-summary-field";
import { useWorkflowAction } from "./use-workflow-action";

/** Submit, withdraw and start-re-review, each shown only when the workflow allows it. */
export function TransitionButtons({
  revisionId,
  articleId,
  canSubmit,
  submitBlocked,
  canWithdraw,
  canReReview,
  changeSummary = "",
}: {
  revisionId: number;
  articleId: number;
  canSubmit: boolean;
  submitBlocked: boolean;
  canWithdraw: boolean;
  canReReview: boolean;
  /** The revision's change summary so far (a correction started from an error report comes with one). */
  changeSummary?: string;
}) {
  const { pending, message, run } = useWorkflowAction();
  const [summary, setSummary] = useState(changeSummary);
  if (!canSubmit && !canWithdraw && !canReReview) return null;
  return (
    <div className="space-y-2">
      {canSubmit && <ChangeSummaryField input={{ value: summary, onChange: (e) => setSummary(e.target.value) }} />}
      <div className="flex flex-wrap gap-3">
        {canSubmit && (
          <Button
            disabled={pending || submitBlocked}
            aria-describedby={submitBlocked ? "submit-blocked" : undefined}
            onClick={() => run(() => submitRevisionAction({ revisionId, changeSummary: summary }))}
          >
            Submit for review
          </Button>
        )}
        {canWithdraw && (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                Withdraw
              </Button>
            }
            title="Withdraw this submission?"
            description="The revision goes back to draft. Readers stop seeing it as pending review until it is submitted again."
            confirmLabel="Withdraw"
            onConfirm={() => run(() => withdrawRevisionAction({ revisionId }))}
          />
        )}
        {canReReview && (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                Start re-review
              </Button>
            }
            title="Start a re-review?"
            description="A new revision with the current approved text is created for the board to review. Readers keep seeing the approved version until the new one is approved."
            confirmLabel="Start re-review"
            tone="primary"
            onConfirm={() => run(() => startReReviewAction({ articleId }))}
          />
        )}
      </div>
      {canSubmit && submitBlocked && (
        <p id="submit-blocked" className="text-sm text-red-800">
          Fix the blocking items in the checklist before submitting.
        </p>
      )}
      <ActionMessage message={message} />
    </div>
  );
}
