"use client";

import Link from "next/link";
import { useActionState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { resetPasswordAction } from "@/lib/actions/password-reset";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/password-reset";
import { NEW_PASSWORD_HINT } from "@/lib/password-policy-limits";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, TextInput, describedBy, fieldError } from "@/components/ui/field";

/**
 * The new password and its confirmation, as on the change-password form, checked in the browser
 * with the action's schema (the server also applies the common-password list). A link that turns
 * out to be spent on submit offers a new one.
 */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, undefined);
  const [, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, newPassword: "", confirmPassword: "" },
  });
  const onSubmit = handleSubmit((input) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(input)) data.set(key, value);
    startTransition(() => formAction(data));
  });

  if (state?.ok)
    return (
      <div className="space-y-4">
        <Alert tone="success" live>
          <span data-testid="reset-result">{state.message}</span>
        </Alert>
        <Link href="/login" className={buttonClass("primary", "w-full no-underline")}>
          Sign in
        </Link>
      </div>
    );

  const spent = state && !state.ok && "link" in state;
  const newPasswordError = errors.newPassword?.message ?? fieldError(state, "newPassword");
  const confirmError = errors.confirmPassword?.message ?? fieldError(state, "confirmPassword");
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok && (
        <Alert tone="error">
          {state.message}
          {spent && (
            <>
              {" "}
              <Link href="/forgot-password" className="font-medium underline">
                Ask for a new link
              </Link>
            </>
          )}
        </Alert>
      )}
      <input type="hidden" defaultValue={token} {...register("token")} />
      {/* For password managers: the account this password belongs to. Not sent (no name). */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field id="newPassword" label="New password" error={newPasswordError} hint={NEW_PASSWORD_HINT}>
        <TextInput
          id="newPassword"
          type="password"
          autoComplete="new-password"
          invalid={!!newPasswordError}
          {...describedBy("newPassword", newPasswordError, true)}
          {...register("newPassword")}
        />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={confirmError}>
        <TextInput
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          invalid={!!confirmError}
          {...describedBy("confirmPassword", confirmError)}
          {...register("confirmPassword")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
