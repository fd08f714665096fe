"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { applyFieldErrors, describedBy, inputClass } from "@/components/ui/field";
import { useWorkflowAction } from "@/components/workflow/use-workflow-action";
import { resolveErrorReportAction, startRevisionFromReportAction } from "@/lib/actions/error-reports";
import { resolveErrorReportSchema } from "@/lib/validations/error-report";

type Values = z.output<typeof resolveErrorReportSchema>;

/**
 * Resolve a report with a note (mailed to a reporter who left an address), or first open the
 * editor on a new revision linked to it.
 */
export function ResolveReportForm({ id, hasEmail, revisionLabel }: { id: number; hasEmail: boolean; revisionLabel: string }) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof resolveErrorReportSchema>, unknown, Values>({
    resolver: zodResolver(resolveErrorReportSchema),
    defaultValues: { id, resolution: "" },
  });
  const fieldId = `resolution-${id}`;
  const error = errors.resolution?.message;
  const onSubmit = (values: Values) =>
    run(
      () => resolveErrorReportAction(values),
      (r) => applyFieldErrors(r, setError),
    );
  return (
    <div className="space-y-3">
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-2" aria-label={`Resolve report ${id}`}>
        <label htmlFor={fieldId} className="block text-sm font-medium">
          Resolution note
        </label>
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hasEmail ? "Sent to the reader by email." : "The reader left no email address; the note is kept for the record."}
        </p>
        <textarea
          id={fieldId}
          rows={3}
          className={inputClass(!!error)}
          {...describedBy(fieldId, error, true)}
          {...register("resolution")}
        />
        {error && (
          <p id={`${fieldId}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            Resolve report
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => run(() => startRevisionFromReportAction({ id }))}>
            {revisionLabel}
          </Button>
        </div>
      </form>
      {message && <ActionMessage message={message} />}
    </div>
  );
}
