"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextInput, applyFieldErrors, describedBy, inputClass } from "@/components/ui/field";
import { archiveArticleAction, republishArticleAction, scheduleRevisionAction, withdrawArticleAction } from "@/lib/actions/lifecycle";
import { utcToZonedInput } from "@/lib/time-zone";
import { scheduleSchema, type ScheduleFormValues } from "@/lib/validations/lifecycle";
import { useWorkflowAction } from "./use-workflow-action";

type Props = {
  articleId: number;
  revisionId: number;
  question: string;
  isLive: boolean;
  hasLive: boolean;
  lifecycle: "active" | "withdrawn" | "archived";
  publishAt: string | null;
  unpublishAt: string | null;
  timeZone: string;
  canSchedule: boolean;
  canTakeDown: boolean;
};

/** The publication time and expiry form, in the site's time zone (the UTC time is shown beside the saved one). */
function ScheduleForm({ revisionId, isLive, publishAt, unpublishAt, timeZone }: Props) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ScheduleFormValues>({
    resolver: zodResolver(scheduleSchema),
    defaultValues: {
      revisionId,
      publishAt: publishAt ? utcToZonedInput(new Date(publishAt), timeZone) : "",
      unpublishAt: unpublishAt ? utcToZonedInput(new Date(unpublishAt), timeZone) : "",
      timeZone,
    },
  });
  const submit = handleSubmit((values) =>
    run(
      () => scheduleRevisionAction(values),
      (result) => applyFieldErrors(result, setError),
    ),
  );
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label="Publication schedule">
      <div className="grid gap-4 sm:grid-cols-2">
        {!isLive && (
          <Field
            id="publishAt"
            label={`Publish at (${timeZone})`}
            error={errors.publishAt?.message}
            hint="Empty: as soon as it is approved."
          >
            <TextInput
              id="publishAt"
              type="datetime-local"
              step={1}
              invalid={!!errors.publishAt}
              {...describedBy("publishAt", errors.publishAt, true)}
              {...register("publishAt")}
            />
          </Field>
        )}
        <Field id="unpublishAt" label={`Expires at (${timeZone})`} error={errors.unpublishAt?.message} hint="Empty: no expiry.">
          <TextInput
            id="unpublishAt"
            type="datetime-local"
            step={1}
            invalid={!!errors.unpublishAt}
            {...describedBy("unpublishAt", errors.unpublishAt, true)}
            {...register("unpublishAt")}
          />
        </Field>
      </div>
      <input type="hidden" {...register("timeZone")} />
      <input type="hidden" {...register("revisionId")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save schedule
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}

/** Withdraw: a confirmation naming the article, with the public reason typed in the dialog. */
function WithdrawDialog({ articleId, question, run, pending }: Pick<Props, "articleId" | "question"> & Runner) {
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="danger" disabled={pending}>
          Withdraw article
        </Button>
      }
      title={`Withdraw “${question}”?`}
      description="Readers lose the article at once: its address answers “withdrawn” with the date and the reason below, and it leaves search, topics, the sitemap, the feed and the API. Its editors and reviewers are told."
      confirmLabel="Withdraw"
      busy={pending}
      onConfirm={() =>
        run(
          () => withdrawArticleAction({ articleId, reason }),
          (result) => {
            if (result.ok) setOpen(false);
            else setError(result.fieldErrors?.reason?.[0] ?? result.message);
          },
        )
      }
    >
      <Field id="withdraw-reason" label="Public reason" error={error ?? undefined}>
        <textarea
          id="withdraw-reason"
          rows={3}
          className={inputClass(!!error)}
          {...describedBy("withdraw-reason", error)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}

/** Archive, optionally pointing at a successor article by its slug. */
function ArchiveDialog({ articleId, question, run, pending }: Pick<Props, "articleId" | "question"> & Runner) {
  const [successorSlug, setSuccessor] = useState("");
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" disabled={pending}>
          Archive…
        </Button>
      }
      title={`Archive “${question}”?`}
      description="With a successor, the article’s address sends readers there (301); without one it answers “archived” (410)."
      confirmLabel="Archive"
      busy={pending}
      onConfirm={() =>
        run(
          () => archiveArticleAction({ articleId, successorSlug, reason }),
          (result) => {
            if (result.ok) setOpen(false);
            else
              setErrors({
                successorSlug: result.fieldErrors?.successorSlug?.[0] ?? result.message,
                reason: result.fieldErrors?.reason?.[0],
              });
          },
        )
      }
    >
      <Field id="archive-successor" label="Successor’s slug (optional)" error={errors.successorSlug}>
        <TextInput
          id="archive-successor"
          invalid={!!errors.successorSlug}
          {...describedBy("archive-successor", errors.successorSlug)}
          value={successorSlug}
          onChange={(e) => setSuccessor(e.target.value)}
        />
      </Field>
      <Field id="archive-reason" label="Public note (optional)" error={errors.reason}>
        <TextInput
          id="archive-reason"
          invalid={!!errors.reason}
          {...describedBy("archive-reason", errors.reason)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}

type Runner = Pick<ReturnType<typeof useWorkflowAction>, "run" | "pending">;

/** Schedule, withdraw, republish and archive, each shown only when the viewer may and the article's state allows. */
export function LifecycleControls(props: Props) {
  const { run, pending, message } = useWorkflowAction();
  const { articleId, question, lifecycle, hasLive, canSchedule, canTakeDown } = props;
  return (
    <div className="space-y-4">
      {canSchedule && <ScheduleForm {...props} />}
      {canTakeDown && (
        <div className="flex flex-wrap gap-3">
          {lifecycle === "active" && hasLive && <WithdrawDialog articleId={articleId} question={question} run={run} pending={pending} />}
          {lifecycle === "withdrawn" && (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" disabled={pending}>
                  Republish
                </Button>
              }
              title={`Republish “${question}”?`}
              description="The last approved revision goes back on the site if its text and references are unchanged since approval; otherwise you are asked to get a new approval first."
              confirmLabel="Republish"
              tone="primary"
              onConfirm={() => run(() => republishArticleAction({ articleId }))}
            />
          )}
          {lifecycle !== "archived" && hasLive && <ArchiveDialog articleId={articleId} question={question} run={run} pending={pending} />}
        </div>
      )}
      <ActionMessage message={message} />
    </div>
  );
}
