"use client";

import { inputClass } from "@/components/ui/field";

/** The signature's second component: a current code from the signer's authenticator app. */
export function SecondFactorField({
  value,
  onChange,
  invalid,
  id = "approve-code",
  errorId = "approve-error",
}: {
  value: string;
  onChange: (code: string) => void;
  invalid?: boolean;
  /** The input's id, and the id of the message that explains a refusal (two signing forms share a page). */
  id?: string;
  errorId?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Code from your authenticator app
      </label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass(invalid)} max-w-40 font-mono`}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
    </div>
  );
}
