"use client";

import { useState, useTransition } from "react";
import { cancelJobAction, retryJobAction } from "@/lib/actions/jobs";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Retry (failed or cancelled) or cancel (queued) one job; cancelling asks first. */
export function JobButtons({ jobId, kind, status }: { jobId: number; kind: string; status: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  // After a success the row's state is out of date: the buttons give way to the outcome.
  const [done, setDone] = useState(false);
  const act = (action: typeof retryJobAction) =>
    startTransition(async () => {
      const result = await action({ jobId });
      setMessage(messageOf(result));
      setDone(result.ok);
    });

  return (
    <div className="flex flex-col items-start gap-1">
      {!done && (status === "failed" || status === "cancelled") && (
        <Button variant="secondary" disabled={pending} onClick={() => act(retryJobAction)} aria-label={`Retry job ${jobId} (${kind})`}>
          Retry
        </Button>
      )}
      {!done && status === "queued" && (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending} aria-label={`Cancel job ${jobId} (${kind})`}>
              Cancel
            </Button>
          }
          title={`Cancel job ${jobId}?`}
          description={`The ${kind} job will not run. It stays in the list as cancelled, and you can retry it later.`}
          confirmLabel="Cancel the job"
          onConfirm={() => act(cancelJobAction)}
        />
      )}
      <ActionMessage message={message} compact />
    </div>
  );
}
