import { clsx } from "clsx";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "./alert";

/** What a form shows after a server action: its message, good or bad. */
export type ActionMessageValue = { ok: boolean; text: string };

/** An action's result as the message to show (its own message, or a plain fallback). */
export function messageOf(result: ActionResult<unknown, object>, fallback?: string): ActionMessageValue {
  return { ok: result.ok, text: result.message ?? fallback ?? (result.ok ? "Done." : "Something went wrong.") };
}

/**
 * The one way a form shows an action's outcome: announced politely on success, assertively on
 * failure. "inline" is a line of text under buttons and small forms; "box" the boxed message at
 * the top of a full form (components/ui/alert.tsx).
 */
export function ActionMessage({
  message,
  id,
  variant = "inline",
  compact,
}: {
  message: ActionMessageValue | null;
  id?: string;
  variant?: "inline" | "box";
  compact?: boolean;
}) {
  if (!message) return null;
  if (variant === "box") {
    return (
      <Alert tone={message.ok ? "success" : "error"} live>
        {message.text}
      </Alert>
    );
  }
  return (
    <p
      id={id}
      role={message.ok ? "status" : "alert"}
      data-action-message={message.ok ? "ok" : "error"}
      className={clsx(compact ? "text-xs" : "text-sm", message.ok ? "text-emerald-800" : "font-medium text-red-800")}
    >
      {message.text}
    </p>
  );
}
