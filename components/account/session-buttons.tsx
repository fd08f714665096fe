"use client";

import { useState, useTransition } from "react";
import { adminEndSessionAction, endOtherSessionsAction, endSessionAction } from "@/lib/actions/security";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** "Sign out this session" for one of the user's other sessions, or (userId given) an admin ending a user's session. */
export function EndSessionButton({ sessionId, userId, label }: { sessionId: string; userId?: number; label: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          startTransition(async () => {
            const result = userId ? await adminEndSessionAction({ userId, sessionId }) : await endSessionAction({ sessionId });
            setMessage(messageOf(result));
          })
        }
      >
        Sign out this session
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}

export function EndOtherSessionsButton() {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            Sign out all other sessions
          </Button>
        }
        title="Sign out all other sessions?"
        description="Every other browser where you are signed in is signed out on its next request. This browser stays signed in."
        confirmLabel="Sign out other sessions"
        onConfirm={() =>
          startTransition(async () => {
            setMessage(messageOf(await endOtherSessionsAction()));
          })
        }
      />
      <ActionMessage message={message} />
    </div>
  );
}
