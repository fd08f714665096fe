"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { applyFieldErrors, inputClass } from "@/components/ui/field";
import { ActionMessage } from "@/components/ui/action-message";
import { SecondFactorField } from "@/components/review/second-factor-field";
import { useWorkflowAction } from "@/components/workflow/use-workflow-action";
import { requestChangesAction } from "@/lib/actions/review";
import { requestChangesSchema, type RequestChangesInput } from "@/lib/validations/workflow";

/**
 * Sends the revision back to its author: a signature like an approval, so the comment saying what to
 * change comes with the reviewer's password and, with two-factor sign-in, a current code.
 */
export function RequestChangesForm({
  revisionId,
  contentHash,
  needsCode = false,
}: {
  revisionId: number;
  contentHash: string;
  needsCode?: boolean;
}) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<z.input<typeof requestChangesSchema>, unknown, RequestChangesInput>({
    resolver: zodResolver(requestChangesSchema),
    defaultValues: { revisionId, contentHash, comment: "", password: "", ...(needsCode ? { code: "" } : {}) },
  });
  const code = watch("code") ?? "";
  return (
    <form
      onSubmit={handleSubmit((values) =>
        run(
          () => requestChangesAction(values),
          (r) => applyFieldErrors(r, setError),
        ),
      )}
      noValidate
      className="space-y-2"
    >
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
      <div className="space-y-1">
        <label htmlFor="changes-password" className="block text-sm font-medium">
          Your password
        </label>
        <input
          id="changes-password"
          type="password"
          autoComplete="current-password"
          className={`${inputClass(!!errors.password)} max-w-xs`}
          aria-invalid={!!errors.password || undefined}
          aria-describedby={errors.password ? "changes-password-error" : undefined}
          {...register("password")}
        />
        {errors.password && (
          <p id="changes-password-error" className="text-sm text-red-700">
            {errors.password.message}
          </p>
        )}
      </div>
      {needsCode && (
        <SecondFactorField
          id="changes-code"
          errorId="changes-code-error"
          value={code}
          onChange={(v) => setValue("code", v)}
          invalid={!!errors.code}
        />
      )}
      {errors.code && (
        <p id="changes-code-error" className="text-sm text-red-700">
          {errors.code.message}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Request changes"}
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
