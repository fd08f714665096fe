"use client";

import { useActionState } from "react";
import { leaveGuestCommentAction } from "@/lib/actions/preview-links";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
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
  const sent = state?.ok === true;
  return (
    <section aria-labelledby="guest-comment-heading" className="mt-10 rounded-md border border-slate-200 bg-white px-5 py-5">
      <h2 id="guest-comment-heading" className="text-xl font-semibold">
        Comments for the editors
      </h2>
      <p className="mt-1 text-sm text-muted">
        Tell the editors what is unclear, missing or wrong. Your comment goes to the article&apos;s review as a guest comment; it is not
        published.
      </p>
      <div aria-live="polite" className="mt-3">
        {state?.message && (
          <Alert tone={state.ok ? "success" : "warning"} className="mb-3">
            <span data-testid="guest-comment-result">{state.message}</span>
          </Alert>
        )}
      </div>
      {!sent && (
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="audience" value={audience} />
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
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="guest-website">Website</label>
            <input id="guest-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? "Sending…" : "Send comment"}
          </button>
        </form>
      )}
    </section>
  );
}
