"use client";

import { useState, useTransition } from "react";
import { adminResetTwoFactorAction } from "@/lib/actions/security";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ResetTwoFactorButton({ userId, name }: { userId: number; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            Reset two-factor sign-in
          </Button>
        }
        title={`Reset ${name}'s two-factor sign-in?`}
        description="Their authenticator app entry and recovery codes stop working. They sign in with their password and set up two-factor sign-in again. They are told by email."
        confirmLabel="Reset two-factor sign-in"
        onConfirm={() => startTransition(async () => setMessage(messageOf(await adminResetTwoFactorAction({ userId }))))}
      />
      <ActionMessage message={message} />
    </div>
  );
}
