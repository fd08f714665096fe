"use client";

import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/actions/users";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function SignOutEverywhereButton({ userId, name }: { userId: number; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            Sign out everywhere
          </Button>
        }
        title={`Sign ${name} out everywhere?`}
        description="Every browser where they are signed in is signed out on its next request. Their account stays active; they can sign in again."
        confirmLabel="Sign out everywhere"
        onConfirm={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction({ userId });
            setMessage(messageOf(result));
          })
        }
      />
      <ActionMessage message={message} />
    </div>
  );
}
