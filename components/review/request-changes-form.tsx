"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionMessage } from "@/components/ui/action-message";
import { useWorkflowAction } from "@/components/workflow/use-workflow-action";
import { requestChangesAction } from "@/lib/actions/review";
import { requestChangesSchema, type RequestChangesInput } from "@/lib/validations/workflow";

/** Sends the revision back to its author; the comment saying what to change is required. */
export function RequestChangesForm({ revisionId, contentHash }: { revisionId: number; contentHash: string }) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof requestChangesSchema>, unknown, RequestChangesInput>({
    resolver: zodResolver(requestChangesSchema),
    defaultValues: { revisionId, contentHash, comment: "" },
  });
  return (
    <form onSubmit={handleSubmit((values) => run(() => requestChangesAction(values)))} noValidate className="space-y-2">
      <label htmlFor="changes-comment" className="block text-sm font-medium">
        What needs to change
      </label>
      <textarea
        id="changes-comment"
        rows={4}
        className={inputClass(!!errors.comment)}
        aria-invalid={!!errors.comment || undefined}
        aria-describedby={errors.comment ? "changes-comment-error" : undefined}
        {...register("comment")}
      />
      {errors.comment && (
        <p id="changes-comment-error" className="text-sm text-red-700">
          {errors.comment.message}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Request changes"}
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
