"use client";

import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * An accessible confirmation step for destructive actions (focus trapped, Escape cancels).
 * With `children` it is a short form (a reason, a successor): the fields sit between the
 * description and the buttons, and the dialog stays open on confirm until the caller, told by
 * `onOpenChange`'s owner, closes it on success — so a refusal can be shown beside its field.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  tone = "danger",
  children,
  open,
  onOpenChange,
  busy = false,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  tone?: "danger" | "primary";
  /** Fields of the step; with them, confirming leaves the dialog open (close it via `open`). */
  children?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The confirmation is on its way: the button waits. */
  busy?: boolean;
}) {
  const confirmClass = buttonClass(tone);
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          className={`fixed left-1/2 top-1/2 z-50 ${children ? "w-[min(92vw,32rem)]" : "w-[min(92vw,28rem)]"} -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl`}
        >
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-muted">{description}</AlertDialog.Description>
          {children && <div className="mt-4 space-y-4">{children}</div>}
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            {children ? (
              <button type="button" className={confirmClass} disabled={busy} onClick={onConfirm}>
                {confirmLabel}
              </button>
            ) : (
              <AlertDialog.Action className={confirmClass} onClick={onConfirm} disabled={busy}>
                {confirmLabel}
              </AlertDialog.Action>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
