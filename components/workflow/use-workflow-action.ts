"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

export type ActionMessage = { ok: boolean; text: string };

/**
 * Runs a server action from a button or form, keeps its message for display and refreshes the
 * server-rendered page on success, so state, stepper and timeline show the new truth.
 */
export function useWorkflowAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessage | null>(null);

  function run<T>(action: () => Promise<ActionResult<T>>, onResult?: (result: ActionResult<T>) => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Done." : "Something went wrong.") });
      onResult?.(result);
      if (result.ok) router.refresh();
    });
  }

  return { pending, message, setMessage, run };
}
