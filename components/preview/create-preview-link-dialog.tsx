"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createPreviewLinkAction } from "@/lib/actions/preview-links";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, applyFieldErrors, inputClass } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { PREVIEW_DEFAULT_DAYS, PREVIEW_MAX_DAYS } from "@/lib/preview-links";
import { createPreviewLinkSchema, RECIPIENT_MAX } from "@/lib/validations/preview-link";

type Values = z.input<typeof createPreviewLinkSchema>;
type Parsed = z.output<typeof createPreviewLinkSchema>;

/**
 * "Create preview link": what the link shows, how long it lasts (at most 30 days) and who it is
 * for. On success the dialog shows the link once, with a copy button: only its hash is kept.
 */
export function CreatePreviewLinkDialog({ articleId, revisionNumber }: { articleId: number; revisionNumber: number }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(createPreviewLinkSchema),
    defaultValues: { articleId, target: "this_version", expiresInDays: PREVIEW_DEFAULT_DAYS, recipient: "" },
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: Parsed) {
    setMessage(null);
    const result = await createPreviewLinkAction(values);
    applyFieldErrors(result, form.setError);
    setMessage(messageOf(result));
    if (result.ok && result.data) setCreated(result.data);
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      setMessage({ ok: false, text: "Your browser didn't allow copying: select the link and copy it yourself." });
    }
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setMessage(null);
      setCopied(false);
      reset();
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">Create preview link</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(94vw,32rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Create a preview link</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-muted">
            Anyone with the link can read the article as readers would see it and leave a comment for the editors, until it expires or you
            revoke it. They can&apos;t change anything.
          </Dialog.Description>
          {created ? (
            <div className="mt-4 space-y-4">
              <ActionMessage message={message} />
              <div className="space-y-1">
                <label htmlFor="preview-link-url" className="block text-sm font-medium">
                  Preview link
                </label>
                <input
                  id="preview-link-url"
                  readOnly
                  value={created.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className={inputClass()}
                  data-testid="preview-link-url"
                />
                <p className="text-sm text-muted">
                  Expires on <time dateTime={created.expiresAt}>{formatDate(created.expiresAt)}</time>. It is shown only now.
                </p>
              </div>
              <div className="flex flex-wrap justify-end gap-3">
                <Button variant="secondary" onClick={copy}>
                  {copied ? "Copied" : "Copy link"}
                </Button>
                <Dialog.Close className={buttonClass("primary")}>Done</Dialog.Close>
              </div>
            </div>
          ) : (
            <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4">
              <input type="hidden" {...register("articleId")} />
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">The link shows</legend>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" value="this_version" {...register("target")} className="mt-1" />
                  <span>
                    <strong>This version</strong> (revision {revisionNumber}, as it is now)
                  </span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" value="latest" {...register("target")} className="mt-1" />
                  <span>
                    <strong>Always the latest draft</strong> (whatever the article&apos;s working text is when the link is opened)
                  </span>
                </label>
                {errors.target?.message && <p className="text-sm text-red-700">{errors.target.message}</p>}
              </fieldset>
              <Field
                id="preview-days"
                label="Expires after (days)"
                error={errors.expiresInDays?.message}
                hint={`1 to ${PREVIEW_MAX_DAYS} days.`}
              >
                <input
                  id="preview-days"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={PREVIEW_MAX_DAYS}
                  {...register("expiresInDays")}
                  aria-describedby={errors.expiresInDays ? "preview-days-hint preview-days-error" : "preview-days-hint"}
                  aria-invalid={!!errors.expiresInDays || undefined}
                  className={inputClass(!!errors.expiresInDays)}
                />
              </Field>
              <Field id="preview-recipient" label="Recipient's name (optional)" error={errors.recipient?.message}>
                <input
                  id="preview-recipient"
                  type="text"
                  maxLength={RECIPIENT_MAX}
                  {...register("recipient")}
                  aria-invalid={!!errors.recipient || undefined}
                  className={inputClass(!!errors.recipient)}
                />
              </Field>
              <ActionMessage message={message} />
              <div className="flex justify-end gap-3">
                <Dialog.Close className={buttonClass("secondary")}>Cancel</Dialog.Close>
                <Button type="submit" disabled={isSubmitting}>
                  {isSubmitting ? "Creating…" : "Create link"}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
