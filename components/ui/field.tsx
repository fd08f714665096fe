import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode } from "react";

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
