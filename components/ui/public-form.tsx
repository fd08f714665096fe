"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

/**
 * The frame of a form anyone may send without an account (follow-up question, error report, a
 * preview's guest comment): a server action form, so it posts and shows its result without
 * JavaScript too. It carries the context as hidden fields (the server never trusts them beyond
 * looking the article up) and the "website" honeypot, hidden from people and screen readers, that
 * each action refuses when filled. Once sent, only the confirmation stays.
 */
export function PublicForm({
  id,
  title,
  intro,
  state,
  formAction,
  pending,
  hidden,
  submitLabel,
  variant = "primary",
  className = "mt-10",
  children,
}: {
  /** Prefix of the element ids: `${id}-heading`, `${id}-result` (test id), `${id}-website`. */
  id: string;
  title: string;
  intro: ReactNode;
  state: ActionResult<unknown, object> | undefined;
  formAction: (formData: FormData) => void;
  pending: boolean;
  hidden: Record<string, string>;
  submitLabel: string;
  variant?: "primary" | "secondary";
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`${className} rounded-md border border-slate-200 bg-white px-5 py-5 print:hidden`}
    >
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted">{intro}</p>
      <div aria-live="polite" className="mt-3">
        {state?.message && (
          <Alert tone={state.ok ? "success" : "warning"} className="mb-3">
            <span data-testid={`${id}-result`}>{state.message}</span>
          </Alert>
        )}
      </div>
      {state?.ok !== true && (
        <form action={formAction} className="space-y-4" noValidate>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <div className="honeypot" aria-hidden="true">
            <label htmlFor={`${id}-website`}>Website</label>
            <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className={buttonClass(variant)} disabled={pending}>
            {pending ? "Sending…" : submitLabel}
          </button>
        </form>
      )}
    </section>
  );
}
