import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

/** Puts a server action's field errors on the form's fields (values the user typed stay). */
export function applyFieldErrors<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>): void {
  if (result.ok || !result.fieldErrors) return;
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (messages?.[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
}

/** aria attributes linking an input to its error message. */
export const describedBy = (id: string, error: unknown) =>
  error ? { "aria-describedby": `${id}-error`, "aria-invalid": true as const } : {};

const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random 16-character temporary password (no look-alike characters), for the admin to pass on. */
export function suggestTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
