import type { ActionMessage as Message } from "./use-workflow-action";

/** The outcome of a workflow action, announced politely on success and assertively on failure. */
export function ActionMessage({ message, id }: { message: Message | null; id?: string }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role={message.ok ? "status" : "alert"}
      data-action-message={message.ok ? "ok" : "error"}
      className={message.ok ? "text-sm text-emerald-800" : "text-sm font-medium text-red-800"}
    >
      {message.text}
    </p>
  );
}
