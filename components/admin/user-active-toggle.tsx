"use client";

import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/lib/actions/users";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function UserActiveToggle({ userId, name, active }: { userId: number; name: string; active: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);

  const run = (next: boolean) =>
    startTransition(async () => {
      const result = await setUserActiveAction({ userId, active: next });
      setMessage(messageOf(result));
    });

  return (
    <div className="flex flex-col items-end gap-1">
      {active ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending}>
              Deactivate
            </Button>
          }
          title={`Deactivate ${name}?`}
          description="They are signed out everywhere at once, can no longer sign in, and are removed from the reviews still open for them (the assigning editor is told). You can reactivate them later."
          confirmLabel="Deactivate"
          onConfirm={() => run(false)}
        />
      ) : (
        <Button variant="secondary" disabled={pending} onClick={() => run(true)}>
          Reactivate
        </Button>
      )}
      <ActionMessage message={message} compact />
    </div>
  );
}
