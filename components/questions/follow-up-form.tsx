"use client";

import { useActionState } from "react";
import { askFollowUpQuestionAction } from "@/lib/actions/follow-up-questions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field, describedBy, fieldError, inputClass } from "@/components/ui/field";
import { QUESTION_MAX } from "@/lib/validations/follow-up-limits";

/**
 * "Have a follow-up question?" A server action form: it posts and shows its result without
 * JavaScript too. The "website" field is a honeypot, hidden from people and screen readers.
 */
export function FollowUpForm({ slug, audience }: { slug: string; audience: "clinician" | "patient" }) {
  const [state, formAction, pending] = useActionState(askFollowUpQuestionAction, undefined);
  const questionError = fieldError(state, "question");
  const emailError = fieldError(state, "email");
  const values = state && "values" in state ? state.values : undefined;
  const sent = state?.ok === true;
  return (
    <section aria-labelledby="follow-up-heading" className="mt-10 rounded-md border border-slate-200 bg-white px-5 py-5 print:hidden">
      <h2 id="follow-up-heading" className="text-xl font-semibold">
        Have a follow-up question?
      </h2>
      <p className="mt-1 text-sm text-muted">
        Ask our editors. We read every question and use them to write new answers. We can&apos;t give personal medical advice.
      </p>
      <div aria-live="polite" className="mt-3">
        {state?.message && (
          <Alert tone={state.ok ? "success" : "warning"} className="mb-3">
            <span data-testid="follow-up-result">{state.message}</span>
          </Alert>
        )}
      </div>
      {!sent && (
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="audience" value={audience} />
          <Field
            id="follow-up-question"
            label="Your question"
            error={questionError}
            hint={`Up to ${QUESTION_MAX.toLocaleString("en")} characters.`}
          >
            <textarea
              id="follow-up-question"
              name="question"
              rows={4}
              maxLength={QUESTION_MAX}
              required
              defaultValue={values?.question}
              {...describedBy("follow-up-question", questionError, true)}
              className={inputClass(!!questionError)}
            />
          </Field>
          <Field
            id="follow-up-email"
            label="Email (optional)"
            error={emailError}
            hint="Only if you would like a reply. We never publish it."
          >
            <input
              id="follow-up-email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={values?.email}
              {...describedBy("follow-up-email", emailError, true)}
              className={inputClass(!!emailError)}
            />
          </Field>
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="follow-up-website">Website</label>
            <input id="follow-up-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? "Sending…" : "Send question"}
          </button>
        </form>
      )}
    </section>
  );
}
