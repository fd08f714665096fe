"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { applyFieldErrors, inputClass } from "@/components/ui/field";
import { submitRevisionAction } from "@/lib/actions/workflow";
import { MINOR_REASONS, MINOR_REASON_LABELS } from "@/lib/domain";
import { submitRevisionSchema, type SubmitRevisionInput } from "@/lib/validations/workflow";
import { ChangeSummaryField } from "./change-summary-field";
import { useWorkflowAction } from "./use-workflow-action";

/**
 * Submitting a change to a live article: the editor says whether it is major (the full review) or
 * minor (a typo, formatting, a broken link, wording), with a reason. The server verifies a minor
 * claim against the live text and refuses it with the reason when it doesn't hold.
 */
export function SubmitWithClassForm({
  revisionId,
  submitBlocked,
  minorApprovals,
  maxChangedWords,
  changeSummary = "",
}: {
  revisionId: number;
  submitBlocked: boolean;
  minorApprovals: number;
  maxChangedWords: number;
  /** The revision's change summary so far (a correction started from an error report comes with one). */
  changeSummary?: string;
}) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof submitRevisionSchema>, unknown, SubmitRevisionInput>({
    resolver: zodResolver(submitRevisionSchema),
    defaultValues: { revisionId, changeClass: "major", changeSummary },
  });
  const minor = watch("changeClass") === "minor";
  const onSubmit = (values: SubmitRevisionInput) =>
    run(
      () =>
        submitRevisionAction(
          values.changeClass === "minor"
            ? values
            : { revisionId: values.revisionId, changeClass: values.changeClass, changeSummary: values.changeSummary },
        ),
      (r) => applyFieldErrors(r, setError),
    );
  const classError = errors.changeClass?.message;
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      aria-labelledby="submit-class-heading"
    >
      <h3 id="submit-class-heading" className="font-semibold">
        Submit this change
      </h3>
      <fieldset className="space-y-2" aria-describedby={classError ? "change-class-error" : undefined}>
        <legend className="text-sm font-medium">Size of the change</legend>
        <label className="flex items-start gap-3 text-sm">
          <input type="radio" value="major" className="mt-1" {...register("changeClass")} />
          <span>
            <span className="font-medium">Major</span>
            <span className="block text-muted">The full quorum and approver mix review it; approval restarts the review clock.</span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input type="radio" value="minor" className="mt-1" {...register("changeClass")} />
          <span>
            <span className="font-medium">Minor</span>
            <span className="block text-muted">
              At most {maxChangedWords} words changed, no number, citation or disclosure changed. Needs {minorApprovals} approval
              {minorApprovals === 1 ? "" : "s"} and keeps “last reviewed”.
            </span>
          </span>
        </label>
        {classError && (
          <p id="change-class-error" role="alert" className="text-sm text-red-700">
            {classError}
          </p>
        )}
      </fieldset>
      {minor && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="minor-reason" className="block text-sm font-medium">
              Why it is minor
            </label>
            <select
              id="minor-reason"
              className={inputClass(!!errors.minorReason)}
              aria-invalid={!!errors.minorReason || undefined}
              aria-describedby={errors.minorReason ? "minor-reason-error" : undefined}
              defaultValue=""
              {...register("minorReason", { setValueAs: (v: string) => v || undefined })}
            >
              <option value="">Choose a reason</option>
              {MINOR_REASONS.map((r) => (
                <option key={r} value={r}>
                  {MINOR_REASON_LABELS[r]}
                </option>
              ))}
            </select>
            {errors.minorReason && (
              <p id="minor-reason-error" className="text-sm text-red-700">
                {errors.minorReason.message}
              </p>
            )}
          </div>
          <div className="space-y-1">
            <label htmlFor="minor-note" className="block text-sm font-medium">
              Note (optional)
            </label>
            <input id="minor-note" className={inputClass(!!errors.minorNote)} {...register("minorNote")} />
          </div>
        </div>
      )}
      <ChangeSummaryField input={register("changeSummary")} error={errors.changeSummary?.message} />
      <Button type="submit" disabled={pending || submitBlocked}>
        Submit for review
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
