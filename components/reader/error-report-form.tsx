"use client";

import { useActionState } from "react";
import { reportErrorAction } from "@/lib/actions/error-reports";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field, describedBy, fieldError, inputClass } from "@/components/ui/field";
import { ERROR_QUOTE_MAX, ERROR_REPORT_MAX } from "@/lib/validations/error-report-limits";

/**
 * "Report an error": a server action form like the follow-up question's, so it posts and shows
 * its result without JavaScript. The "website" field is a honeypot, hidden from people and screen readers.
 */
export function ErrorReportForm({ slug, audience, target }: { slug: string; audience: "clinician" | "patient"; target: string }) {
  const [state, formAction, pending] = useActionState(reportErrorAction, undefined);
  const descriptionError = fieldError(state, "description");
  const quoteError = fieldError(state, "quote");
  const emailError = fieldError(state, "email");
  const values = state && "values" in state ? state.values : undefined;
  const sent = state?.ok === true;
  return (
    <section aria-labelledby="error-report-heading" className="mt-6 rounded-md border border-slate-200 bg-white px-5 py-5 print:hidden">
      <h2 id="error-report-heading" className="text-xl font-semibold">
        Report an error
      </h2>
      <p className="mt-1 text-sm text-muted">Seen something wrong or out of date in this answer? Tell our editors. {target}</p>
      <div aria-live="polite" className="mt-3">
        {state?.message && (
          <Alert tone={state.ok ? "success" : "warning"} className="mb-3">
            <span data-testid="error-report-result">{state.message}</span>
          </Alert>
        )}
      </div>
      {!sent && (
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="audience" value={audience} />
          <Field id="error-report-description" label="What is wrong?" error={descriptionError} hint="Say what you think is wrong and why.">
            <textarea
              id="error-report-description"
              name="description"
              rows={4}
              maxLength={ERROR_REPORT_MAX}
              required
              defaultValue={values?.description}
              {...describedBy("error-report-description", descriptionError, true)}
              className={inputClass(!!descriptionError)}
            />
          </Field>
          <Field
            id="error-report-quote"
            label="The words in question (optional)"
            error={quoteError}
            hint="Copy the sentence you mean, so we find it quickly."
          >
            <textarea
              id="error-report-quote"
              name="quote"
              rows={2}
              maxLength={ERROR_QUOTE_MAX}
              defaultValue={values?.quote}
              {...describedBy("error-report-quote", quoteError, true)}
              className={inputClass(!!quoteError)}
            />
          </Field>
          <Field
            id="error-report-email"
            label="Email for our answer (optional)"
            error={emailError}
            hint="We write once, when we have looked into it. We never publish it."
          >
            <input
              id="error-report-email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={values?.email}
              {...describedBy("error-report-email", emailError, true)}
              className={inputClass(!!emailError)}
            />
          </Field>
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="error-report-website">Website</label>
            <input id="error-report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className={buttonClass("secondary")} disabled={pending}>
            {pending ? "Sending…" : "Send report"}
          </button>
        </form>
      )}
    </section>
  );
}
