"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionMessage } from "@/components/ui/action-message";
import { useWorkflowAction } from "@/components/workflow/use-workflow-action";
import { approveRevisionAction } from "@/lib/actions/review";
import { APPROVAL_MEANING } from "@/lib/sign-off";
import { SecondFactorField } from "@/components/review/second-factor-field";

/**
 * The signature step: the meaning of the signature, the signer's printed name and credentials,
 * the exact content version, and the password entered again. The server binds the sign-off to
 * the hash shown here and refuses it if the text changed in the meantime.
 */
export function ApproveDialog({
  revisionId,
  contentHash,
  signerName,
  signerCredentials,
  again,
  needsCode = false,
}: {
  revisionId: number;
  contentHash: string;
  signerName: string;
  signerCredentials: string;
  again: boolean;
  /** The signer has two-factor sign-in: the signature also needs a current code. */
  needsCode?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [comment, setComment] = useState("");
  const [code, setCode] = useState("");
  const dialog = useWorkflowAction();
  const page = useWorkflowAction();

  function sign(e: React.FormEvent) {
    e.preventDefault();
    dialog.run(
      () => approveRevisionAction({ revisionId, contentHash, password, comment: comment || undefined, ...(needsCode ? { code } : {}) }),
      (result) => {
        setPassword("");
        setCode("");
        if (result.ok) {
          setOpen(false);
          page.setMessage({ ok: true, text: result.message ?? "Signed." });
        }
      },
    );
  }

  return (
    <div className="space-y-2">
      <Dialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) dialog.setMessage(null);
        }}
      >
        <Dialog.Trigger asChild>
          <Button>{again ? "Approve again" : "Approve"}</Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(94vw,32rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">Sign your approval</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-muted">
              Your signature is recorded permanently with the exact text you reviewed.
            </Dialog.Description>
            <form onSubmit={sign} className="mt-4 space-y-4">
              <blockquote className="border-l-4 border-brand-600 bg-brand-50 px-4 py-3 text-sm font-medium" data-testid="signature-meaning">
                {APPROVAL_MEANING}
              </blockquote>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-muted">Signed by</dt>
                <dd className="font-semibold">
                  {signerName}
                  {signerCredentials && `, ${signerCredentials}`}
                </dd>
                <dt className="text-muted">Content version</dt>
                <dd>
                  <code className="break-all text-xs">{contentHash}</code>
                </dd>
              </dl>
              <div className="space-y-1">
                <label htmlFor="approve-password" className="block text-sm font-medium">
                  Your password
                </label>
                <input
                  id="approve-password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={inputClass(!!dialog.message && !dialog.message.ok)}
                  aria-invalid={(!!dialog.message && !dialog.message.ok) || undefined}
                  aria-describedby={dialog.message && !dialog.message.ok ? "approve-error" : undefined}
                />
              </div>
              {needsCode && <SecondFactorField value={code} onChange={setCode} invalid={!!dialog.message && !dialog.message.ok} />}
              <div className="space-y-1">
                <label htmlFor="approve-comment" className="block text-sm font-medium">
                  Comment (optional)
                </label>
                <textarea
                  id="approve-comment"
                  rows={2}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  className={inputClass()}
                />
              </div>
              <ActionMessage message={dialog.message} id="approve-error" />
              <div className="flex justify-end gap-3">
                <Dialog.Close className={buttonClass("secondary")}>Cancel</Dialog.Close>
                <Button type="submit" disabled={dialog.pending || !password || (needsCode && !code)}>
                  {dialog.pending ? "Signing…" : "Sign and approve"}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <ActionMessage message={page.message} />
    </div>
  );
}
