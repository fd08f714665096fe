"use client";

import { useActionState } from "react";
import { leaveGuestCommentAction } from "@/lib/actions/preview-links";
import { PublicForm } from "@/components/ui/public-form";
import { Field, describedBy, fieldError, inputClass } from "@/components/ui/field";
import { GUEST_COMMENT_MAX, RECIPIENT_MAX } from "@/lib/validations/preview-link";

/**
 * The preview's "Comments for the editors" form: a server action form that works without
 * JavaScript too. The comment joins the article's review as a guest comment, never a sign-off.
 * The "website" field is a honeypot, hidden from people and screen readers.
 */
export function GuestCommentForm({ token, audience, recipient }: { token: string; audience: "clinician" | "patient"; recipient: string }) {
  const [state, formAction, pending] = useActionState(leaveGuestCommentAction, undefined);
  const commentError = fieldError(state, "comment");
  const nameError = fieldError(state, "name");
  const values = state && "values" in state ? state.values : undefined;
  return (
    <PublicForm
      id="guest-comment"
      title="Comments for the editors"
      intro="Tell the editors what is unclear, missing or wrong. Your comment goes to the article's review as a guest comment; it is not published."
      state={state}
      formAction={formAction}
      pending={pending}
      hidden={{ token, audience }}
      submitLabel="Send comment"
    >
      <Field id="guest-name" label="Your name (optional)" error={nameError}>
        <input
          id="guest-name"
          name="name"
          type="text"
          autoComplete="name"
          maxLength={RECIPIENT_MAX}
          defaultValue={values?.name ?? recipient}
          {...describedBy("guest-name", nameError)}
          className={inputClass(!!nameError)}
        />
      </Field>
      <Field
        id="guest-comment"
        label="Your comment"
        error={commentError}
        hint={`Up to ${GUEST_COMMENT_MAX.toLocaleString("en")} characters.`}
      >
        <textarea
          id="guest-comment"
          name="comment"
          rows={5}
          maxLength={GUEST_COMMENT_MAX}
          required
          defaultValue={values?.comment}
          {...describedBy("guest-comment", commentError, true)}
          className={inputClass(!!commentError)}
        />
      </Field>
    </PublicForm>
  );
}
