"use client";

import { useState, useTransition } from "react";
import { revokePreviewLinkAction } from "@/lib/actions/preview-links";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * Revoke one preview link, after a confirmation; it stops working at once. Mounted for every link
 * (the button only while it is active), so the outcome stays on screen when the list refreshes.
 */
export function RevokePreviewLinkButton({ linkId, recipient, active }: { linkId: number; recipient: string; active: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const who = recipient ? `the link for ${recipient}` : "this link";
  return (
    <div className="flex flex-col items-end gap-1">
      {active && (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending} aria-label={`Revoke ${who}`}>
              Revoke
            </Button>
          }
          title="Revoke this preview link?"
          description={`Anyone opening ${who} will get “page not found” from now on. This can't be undone; you can make a new link.`}
          confirmLabel="Revoke the link"
          onConfirm={() =>
            startTransition(async () => {
              setMessage(messageOf(await revokePreviewLinkAction({ linkId })));
            })
          }
        />
      )}
      <ActionMessage message={message} compact />
    </div>
  );
}
