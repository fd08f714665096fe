"use client";

import { useActionState } from "react";
import { reportErrorAction } from "@/lib/actions/error-reports";
import { PublicForm } from "@/components/ui/public-form";
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
  return (
    <PublicForm
      id="error-report"
      title="Report an error"
      intro={`Seen something wrong or out of date in this answer? Tell our editors. ${target}`}
      state={state}
      formAction={formAction}
      pending={pending}
      hidden={{ slug, audience }}
      submitLabel="Send report"
      variant="secondary"
      className="mt-6"
    >
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
    </PublicForm>
  );
}
