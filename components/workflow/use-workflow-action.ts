"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import type { ActionResult } from "@/lib/action-result";

/**
 * Runs a server action from a button or form, keeps its message for display and refreshes the
 * server-rendered page on success, so state, stepper and timeline show the new truth.
 */
export function useWorkflowAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);

  function run<T, D extends object = never>(action: () => Promise<ActionResult<T, D>>, onResult?: (result: ActionResult<T, D>) => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      setMessage(messageOf(result));
      onResult?.(result);
      if (result.ok) router.refresh();
    });
  }

  return { pending, message, setMessage, run };
}
