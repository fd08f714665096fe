import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

/**
 * The one way a server action's field errors reach a form: onto react-hook-form's fields
 * (values the user typed stay), each field showing its first message.
 */
export function applyFieldErrors<T extends FieldValues>(result: ActionResult<unknown, object>, setError: UseFormSetError<T>): void {
  if (result.ok || !result.fieldErrors) return;
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (messages?.[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
}

/** A field's first server error, for forms without react-hook-form (a useActionState form). */
export function fieldError(result: ActionResult<unknown, object> | undefined, field: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[field]?.[0] : undefined;
}

/** aria attributes linking an input to its hint and its error message (ids as Field renders them). */
export function describedBy(id: string, error: unknown, hint = false) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, ...(error ? { "aria-invalid": true as const } : {}) };
}

export const inputClass = (invalid?: boolean) =>
  clsx(
    "block w-full rounded-md border bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-slate-400",
    invalid ? "border-red-600" : "border-slate-300",
  );

/** A labelled field with its error announced and linked by aria-describedby. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextInput({ invalid, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input className={clsx(inputClass(invalid), className)} aria-invalid={invalid || undefined} {...props} />;
}
