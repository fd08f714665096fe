"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionMessage } from "@/components/ui/action-message";
import { useWorkflowAction } from "@/components/workflow/use-workflow-action";
import { addReviewCommentAction } from "@/lib/actions/review";
import { commentSchema, type CommentInput } from "@/lib/validations/workflow";

/** A comment on the revision, optionally quoting a passage selected in one of the wordings. */
export function CommentForm({ revisionId }: { revisionId: number }) {
  const { pending, message, run } = useWorkflowAction();
  const {
    register,
    handleSubmit,
    setValue,
    reset,
    formState: { errors },
  } = useForm<z.input<typeof commentSchema>, unknown, CommentInput>({
    resolver: zodResolver(commentSchema),
    defaultValues: { revisionId, body: "", quote: "", quoteAudience: undefined },
  });

  function quoteSelection() {
    const selection = window.getSelection();
    const text = selection?.toString().trim();
    if (!selection || !text) return;
    const node = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode?.parentElement;
    const source = node?.closest("[data-quote-source]")?.getAttribute("data-quote-source");
    setValue("quote", text.slice(0, 2000));
    if (source === "clinician" || source === "patient") setValue("quoteAudience", source);
  }

  const onSubmit = (values: CommentInput) =>
    run(
      () =>
        addReviewCommentAction({
          ...values,
          quote: values.quote || undefined,
          quoteAudience: values.quote ? values.quoteAudience : undefined,
        }),
      (r) => {
        if (r.ok) reset({ revisionId, body: "", quote: "", quoteAudience: undefined });
      },
    );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label="Add a comment">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label htmlFor="comment-quote" className="block text-sm font-medium">
            Quoted passage (optional)
          </label>
          <Button variant="ghost" className="px-2 py-1" onMouseDown={(e) => e.preventDefault()} onClick={quoteSelection}>
            Quote selected text
          </Button>
        </div>
        <textarea id="comment-quote" rows={2} className={inputClass(!!errors.quote)} {...register("quote")} />
        {errors.quote && <p className="text-sm text-red-700">{errors.quote.message}</p>}
        <label htmlFor="comment-audience" className="sr-only-text">
          Quoted wording
        </label>
        <select
          id="comment-audience"
          className={inputClass() + " max-w-xs"}
          {...register("quoteAudience", { setValueAs: (v: string) => v || undefined })}
        >
          <option value="">Which wording?</option>
          <option value="clinician">Clinician wording</option>
          <option value="patient">Patient wording</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="comment-body" className="block text-sm font-medium">
          Comment
        </label>
        <textarea
          id="comment-body"
          rows={4}
          className={inputClass(!!errors.body)}
          aria-invalid={!!errors.body || undefined}
          aria-describedby={errors.body ? "comment-body-error" : undefined}
          {...register("body")}
        />
        {errors.body && (
          <p id="comment-body-error" className="text-sm text-red-700">
            {errors.body.message}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Posting…" : "Post comment"}
      </Button>
      <ActionMessage message={message} />
    </form>
  );
}
