"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { applyFieldErrors, inputClass } from "@/components/ui/field";
import { assignReviewersAction } from "@/lib/actions/workflow";
import { assignReviewersSchema, type AssignReviewersInput } from "@/lib/validations/workflow";
import { ActionMessage } from "@/components/ui/action-message";
import { useWorkflowAction } from "./use-workflow-action";

export type Candidate = { id: number; name: string; credentials: string; satisfies?: string[] };

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/**
 * Starts the review of a submitted revision: choose board members (never the author; the server
 * checks again) and a due date. With a panel already assigned, it can start with no new names.
 */
export function AssignReviewersForm({
  revisionId,
  candidates,
  hasPanel,
}: {
  revisionId: number;
  candidates: Candidate[];
  hasPanel: boolean;
}) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof assignReviewersSchema>, unknown, AssignReviewersInput>({
    resolver: zodResolver(assignReviewersSchema),
    defaultValues: { revisionId, reviewerIds: [], dueDate: inTwoWeeks() },
  });

  const onSubmit = (values: AssignReviewersInput) =>
    run(
      () =>
        assignReviewersAction({
          ...values,
          reviewerIds: values.reviewerIds.map(Number),
          dueDate: values.reviewerIds.length ? values.dueDate : undefined,
        }),
      (r) => applyFieldErrors(r, setError),
    );

  const reviewerError = errors.reviewerIds?.message ?? errors.reviewerIds?.root?.message;
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4 rounded-md border border-slate-200 bg-white p-4"
      aria-labelledby="assign-heading"
    >
      <h2 id="assign-heading" className="text-lg font-semibold">
        Assign reviewers
      </h2>
      <fieldset className="space-y-2" aria-describedby={reviewerError ? "reviewers-error" : undefined}>
        <legend className="text-sm font-medium">
          {hasPanel ? "Add board members (optional: the assigned panel reviews again)" : "Board members"}
        </legend>
        {candidates.length === 0 ? (
          <p className="text-sm text-muted">No other active board member is available.</p>
        ) : (
          candidates.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={c.id} className="h-4 w-4" {...register("reviewerIds")} />
              <span>
                {c.name}
                {c.credentials && <span className="text-muted">, {c.credentials}</span>}
                {c.satisfies?.length ? (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
                    Suggested: meets {c.satisfies.map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join("; ")}
                  </span>
                ) : null}
              </span>
            </label>
          ))
        )}
        {reviewerError && (
          <p id="reviewers-error" className="text-sm text-red-700">
            {reviewerError}
          </p>
        )}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="assign-due" className="block text-sm font-medium">
          Review due by
        </label>
        <input
          id="assign-due"
          type="date"
          className={inputClass(!!errors.dueDate) + " max-w-xs"}
          aria-invalid={!!errors.dueDate || undefined}
          aria-describedby={errors.dueDate ? "assign-due-error" : undefined}
          {...register("dueDate")}
        />
        {errors.dueDate && (
          <p id="assign-due-error" className="text-sm text-red-700">
            {errors.dueDate.message}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start review"}
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
