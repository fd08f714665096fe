"use client";

import type { InputHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import { CHANGE_SUMMARY_MAX } from "@/lib/validations/workflow";

/**
 * "What changed": the editor's one line at submission, shown to reviewers and, once approved, to
 * readers in the version history. Used by both submit forms (with and without a change class);
 * `input` carries the form library's binding or a controlled value.
 */
export function ChangeSummaryField({ input, error }: { input: InputHTMLAttributes<HTMLInputElement>; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="change-summary" className="block text-sm font-medium">
        What changed (one line, optional)
      </label>
      <p id="change-summary-hint" className="text-sm text-muted">
        Shown to reviewers, and to readers in the article&apos;s version history once approved.
      </p>
      <input
        id="change-summary"
        type="text"
        maxLength={CHANGE_SUMMARY_MAX}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? "change-summary-hint change-summary-error" : "change-summary-hint"}
        className={inputClass(!!error)}
        {...input}
      />
      {error && (
        <p id="change-summary-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
