"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { applyFieldErrors, inputClass } from "@/components/ui/field";
import { escalateChangeClassAction } from "@/lib/actions/workflow";
import { escalateChangeClassSchema, type EscalateChangeClassInput } from "@/lib/validations/workflow";
import { useWorkflowAction } from "./use-workflow-action";

/** A reviewer (or editor) who thinks a claimed-minor change needs the full review escalates it, saying why. */
export function EscalateClassForm({ revisionId }: { revisionId: number }) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof escalateChangeClassSchema>, unknown, EscalateChangeClassInput>({
    resolver: zodResolver(escalateChangeClassSchema),
    defaultValues: { revisionId, reason: "" },
  });
  return (
    <form
      onSubmit={handleSubmit((values) =>
        run(
          () => escalateChangeClassAction(values),
          (r) => applyFieldErrors(r, setError),
        ),
      )}
      noValidate
      className="space-y-2"
    >
      <label htmlFor="escalate-reason" className="block text-sm font-medium">
        Needs a full review? Escalate to a major change
      </label>
      <textarea
        id="escalate-reason"
        rows={2}
        className={inputClass(!!errors.reason)}
        aria-invalid={!!errors.reason || undefined}
        aria-describedby={errors.reason ? "escalate-reason-error" : undefined}
        placeholder="Why this change needs the full quorum"
        {...register("reason")}
      />
      {errors.reason && (
        <p id="escalate-reason-error" className="text-sm text-red-700">
          {errors.reason.message}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        Escalate to major
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
