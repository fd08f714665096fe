"use client";

import { inputClass } from "@/components/ui/field";

/** The signature's second component: a current code from the signer's authenticator app. */
export function SecondFactorField({ value, onChange, invalid }: { value: string; onChange: (code: string) => void; invalid?: boolean }) {
  return (
    <div className="space-y-1">
      <label htmlFor="approve-code" className="block text-sm font-medium">
        Code from your authenticator app
      </label>
      <input
        id="approve-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass(invalid)} max-w-40 font-mono`}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? "approve-error" : undefined}
      />
    </div>
  );
}
