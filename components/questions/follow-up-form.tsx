"use client";

import { useActionState } from "react";
import { askFollowUpQuestionAction } from "@/lib/actions/follow-up-questions";
import { PublicForm } from "@/components/ui/public-form";
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
  return (
    <PublicForm
      id="follow-up"
      title="Have a follow-up question?"
      intro="Ask our editors. We read every question and use them to write new answers. We can't give personal medical advice."
      state={state}
      formAction={formAction}
      pending={pending}
      hidden={{ slug, audience }}
      submitLabel="Send question"
    >
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
      <Field id="follow-up-email" label="Email (optional)" error={emailError} hint="Only if you would like a reply. We never publish it.">
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
    </PublicForm>
  );
}
